/**
 * Lets the organizer pick a cover photo and returns it as a JPEG data URL small enough for the server's limit, or null
 * when they cancel. Rejects with a Chinese message when the photo cannot be read or shrunk. Taro picks
 * cover-image.weapp.ts or cover-image.h5.ts by platform when it builds.
 */
export declare function pickCoverImage(): Promise<string | null>;
