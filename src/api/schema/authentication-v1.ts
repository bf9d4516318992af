/**
 * authentication.k8s.io/v1: token reviews, token requests and self subject reviews.
 *
 * Field numbers, JSON names and patch/list metadata follow the upstream API; descriptions are our own.
 */

import {
  boolean,
  field,
  inline,
  int64,
  kind,
  type KindDef,
  list,
  map,
  string,
  struct,
  type StructType,
  time,
} from './dsl.js';
import { ObjectMeta, TypeMeta } from './meta-v1.js';

export const TokenReview: StructType = struct(
  'io.k8s.api.authentication.v1.TokenReview',
  'Asks the server to authenticate a token.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => TokenReviewSpec, 'The token to check.', { required: true }),
    status: field(3, () => TokenReviewStatus, 'The authentication result, filled in by the server.'),
  },
);

export const TokenReviewSpec: StructType = struct(
  'io.k8s.api.authentication.v1.TokenReviewSpec',
  'The token to authenticate.',
  {
    token: field(1, string, 'The opaque bearer token.'),
    audiences: field(2, list(string), 'Audiences the token must be valid for.', { listType: 'atomic' }),
  },
);

export const TokenReviewStatus: StructType = struct(
  'io.k8s.api.authentication.v1.TokenReviewStatus',
  'The result of a token review.',
  {
    authenticated: field(1, boolean, 'Whether the token is valid.'),
    user: field(2, () => UserInfo, 'The user the token belongs to.'),
    audiences: field(4, list(string), 'Audiences the token is valid for.', { listType: 'atomic' }),
    error: field(3, string, 'Why the token could not be checked, if so.'),
  },
);

export const UserInfo: StructType = struct(
  'io.k8s.api.authentication.v1.UserInfo',
  'The identity of an authenticated user.',
  {
    username: field(1, string, 'Unique name of the user.'),
    uid: field(2, string, 'Unique identifier of the user across time.'),
    groups: field(3, list(string), 'Groups the user belongs to.', { listType: 'atomic' }),
    extra: field(4, map(list(string, { wrapped: true })), 'Extra attributes from the authenticator.'),
  },
);

export const TokenRequest: StructType = struct(
  'io.k8s.api.authentication.v1.TokenRequest',
  'Requests a token for a service account (serviceaccounts/token).',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    spec: field(2, () => TokenRequestSpec, 'Parameters of the token.', { required: true }),
    status: field(3, () => TokenRequestStatus, 'The issued token.'),
  },
);

export const TokenRequestSpec: StructType = struct(
  'io.k8s.api.authentication.v1.TokenRequestSpec',
  'Parameters of a requested token.',
  {
    audiences: field(1, list(string), 'Intended audiences of the token.', { required: true, listType: 'atomic' }),
    expirationSeconds: field(4, int64, 'Requested lifetime of the token in seconds.', {
      pointer: true,
      omitempty: false,
    }),
    boundObjectRef: field(3, () => BoundObjectReference, 'Object the token is bound to; the token dies with it.', {
      pointer: true,
      omitempty: false,
    }),
  },
);

export const TokenRequestStatus: StructType = struct(
  'io.k8s.api.authentication.v1.TokenRequestStatus',
  'An issued token.',
  {
    token: field(1, string, 'The opaque bearer token.', { required: true }),
    expirationTimestamp: field(2, time, 'When the token expires.', { required: true }),
  },
);

export const BoundObjectReference: StructType = struct(
  'io.k8s.api.authentication.v1.BoundObjectReference',
  'An object a token is bound to.',
  {
    kind: field(1, string, 'Kind of the referent: Pod, Secret or Node.'),
    apiVersion: field(2, string, 'API version of the referent.'),
    name: field(3, string, 'Name of the referent.'),
    uid: field(4, string, 'UID of the referent.'),
  },
);

export const SelfSubjectReview: StructType = struct(
  'io.k8s.api.authentication.v1.SelfSubjectReview',
  'Returns the user attributes of the requester.',
  {
    typeMeta: inline(undefined, TypeMeta),
    metadata: field(1, () => ObjectMeta, 'Standard object metadata.'),
    status: field(2, () => SelfSubjectReviewStatus, "The requester's user information."),
  },
);

export const SelfSubjectReviewStatus: StructType = struct(
  'io.k8s.api.authentication.v1.SelfSubjectReviewStatus',
  "The requester's user information.",
  {
    userInfo: field(1, () => UserInfo, 'The authenticated user attributes.'),
  },
);

const authn = { group: 'authentication.k8s.io', version: 'v1' } as const;

/** authentication.k8s.io/v1 kinds. TokenRequest is served by the serviceaccounts/token subresource. */
export const authenticationV1Kinds: readonly KindDef[] = [
  kind(SelfSubjectReview, {
    ...authn,
    kind: 'SelfSubjectReview',
    plural: 'selfsubjectreviews',
    namespaced: false,
    verbs: ['create'],
  }),
  kind(TokenReview, { ...authn, kind: 'TokenReview', plural: 'tokenreviews', namespaced: false, verbs: ['create'] }),
  kind(TokenRequest, { ...authn, kind: 'TokenRequest' }),
];
