export const noteEditorUrl = (clubId: string) => `/package-club/note/index?clubId=${clubId}`;
export const clubManageUrl = (clubId: string) => `/package-club/manage/index?clubId=${clubId}`;
export const clubStatsUrl = (clubId: string) => `/package-club/stats/index?clubId=${clubId}`;
export const sessionUrl = (eventId: string) => `/package-event/detail/index?id=${eventId}`;
