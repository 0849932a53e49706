// Types of unavailable.mjs (plain JavaScript, shared with scripts/server.mjs).
export declare const UNAVAILABLE_MESSAGE: string;
export declare const UNAVAILABLE_PAGE: string;
export declare const UNAVAILABLE_HEADERS: Readonly<Record<string, string>>;
export declare function unavailableBody(
  pathname: string,
  isAction: boolean,
): { body: string; contentType: string };
