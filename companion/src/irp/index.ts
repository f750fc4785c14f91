export { rsaEncryptPkcs1, rsaDecryptPkcs1, aesEncrypt, aesDecrypt, newAppKey, encryptJson, decryptJson, RsaPaddingError } from './crypto';
export { IrpError, IrpTransportError, isIrpError, isTransportError, type IrpErrorDetail, type TransportReason } from './errors';
export { type CachedToken, type TokenCache, FileTokenCache, MemoryTokenCache, profileIdentity } from './token-cache';
export { IrpSession, AUTH_PATH, type IrpSessionConfig, type IrpSessionOptions, type IrpLogEvent, type RequestOptions } from './session';
export type * from './types';
