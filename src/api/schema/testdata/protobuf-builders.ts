/**
 * Tiny protobuf writers for tests: build Kubernetes protobuf bodies field by field, the way Go's generated
 * marshallers lay them out, without going through our own schema (so the decoder is checked independently).
 */
import protobuf from 'protobufjs/minimal.js';

export type Part = (w: protobuf.Writer) => void;

export const message = (...parts: Part[]): Uint8Array => {
  const w = protobuf.Writer.create();
  for (const p of parts) p(w);
  return w.finish();
};
export const str =
  (no: number, s: string): Part =>
  (w) =>
    w.uint32((no << 3) | 2).string(s);
export const raw =
  (no: number, b: Uint8Array): Part =>
  (w) =>
    w.uint32((no << 3) | 2).bytes(b);
export const sub = (no: number, ...parts: Part[]): Part => raw(no, message(...parts));
export const varint =
  (no: number, v: number): Part =>
  (w) =>
    w.uint32(no << 3).int64(v);
/** int32 the way Go writes it: negative values sign-extended to 10 bytes. */
export const int32 =
  (no: number, v: number): Part =>
  (w) =>
    w.uint32(no << 3).int32(v);
/** A map entry {1 key, 2 value}. */
export const entry = (no: number, key: string, value: Part): Part => sub(no, str(1, key), value);

/** The `k8s\0` magic and runtime.Unknown envelope around an encoded object. */
export const envelope = (apiVersion: string, kind: string, body: Uint8Array): Uint8Array =>
  Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...message(sub(1, str(1, apiVersion), str(2, kind)), raw(2, body), str(3, ''), str(4, ''))]);
