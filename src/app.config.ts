const tabPages = ['pages/events/index', 'pages/clubs/index', 'pages/pledge/index', 'pages/me/index'];
// The demo persona picker signs a browser in against the local host; a weapp caller is its WeChat account.
const demoSignInPages = process.env.TARO_ENV === 'h5' ? ['pages/login/index'] : [];

export default defineAppConfig({
  pages: [...tabPages, ...demoSignInPages],
  subPackages: [
    { root: 'package-event', pages: ['detail/index', 'signup/index', 'team-join/index'] },
    { root: 'package-org', pages: ['browse/index', 'detail/index'] },
    { root: 'package-me', pages: ['profile/index', 'my-data/index', 'my-registrations/index', 'notifications/index'] },
    { root: 'package-pledge', pages: ['sign/index', 'certificate/index', 'verify/index', 'my-signatures/index'] },
    { root: 'package-pledge-admin', pages: ['index/index', 'signers/index', 'versions/index', 'chain/index'] },
    { root: 'package-organizer', pages: ['events/index', 'edit/index', 'registrations/index', 'summary/index'] },
    { root: 'package-checkin', pages: ['scan/index', 'manage/index', 'attendees/index', 'stewards/index', 'log/index', 'venue/index'] },
    { root: 'package-ticket', pages: ['ticket/index', 'self-checkin/index'] },
    { root: 'package-club', pages: ['detail/index', 'note/index', 'manage/index', 'stats/index', 'create/index'] },
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#C8102E',
    navigationBarTitleText: '新联',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F5F6F8',
  },
  tabBar: {
    color: '#8A8F99',
    selectedColor: '#C8102E',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png' },
      { pagePath: 'pages/clubs/index', text: '读书会', iconPath: 'assets/tab/clubs.png', selectedIconPath: 'assets/tab/clubs-active.png' },
      { pagePath: 'pages/pledge/index', text: '公约', iconPath: 'assets/tab/pledge.png', selectedIconPath: 'assets/tab/pledge-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  __usePrivacyCheck__: true,
});
