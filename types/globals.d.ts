/** The CloudBase environment id the weapp build calls, injected by config/index.ts from XINLIAN_CLOUD_ENV. */
declare const XINLIAN_CLOUD_ENV: string;

declare module '*.scss';
