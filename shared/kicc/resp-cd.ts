/**
 * KICC's respCd: 4 visible ASCII characters (`0000`, `S001`, ...). Zod-free, so the page's
 * settings form checks a code as the manager types it with the same rule the response parser
 * (./response.ts) and the settings file use.
 */
export const RESP_CD = /^[\x21-\x7e]{4}$/;

export const isRespCd = (code: string): boolean => RESP_CD.test(code);
