import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals secrets (Zendesk tokens, webhook and app secrets) for storage with AES-256-GCM.
 * Sealed form: `v1.<iv base64>.<tag base64>.<ciphertext base64>`. The version prefix lets a later key rotation
 * tell old rows from new ones. GCM authenticates: a tampered value or the wrong key throws, never returns garbage.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError(`AES-256-GCM needs a 32-byte key (got ${key.length})`);
  return {
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body, ...rest] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined || rest.length > 0) {
        throw new SecretBoxError('Not a sealed secret (expected v1.<iv>.<tag>.<ciphertext>)');
      }
      const ivBytes = Buffer.from(iv, 'base64');
      const tagBytes = Buffer.from(tag, 'base64');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new SecretBoxError('Sealed secret is malformed');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        // Node says only "Unsupported state or unable to authenticate data"; both causes are worth naming.
        throw new SecretBoxError('Sealed secret failed authentication (tampered, or sealed with another SLA_ENCRYPTION_KEY)');
      }
    },
  };
}
