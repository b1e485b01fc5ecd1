/** Same rule as the server; checked in the browser too so users learn it before submitting. */
export const MIN_PASSWORD_LENGTH = 10;
