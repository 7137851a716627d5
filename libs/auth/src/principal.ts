/** Who is calling, as proven by a valid access token. */
export interface Principal {
  userId: string;
  isAdmin: boolean;
  /** The refresh-token family (login session) the access token was issued for. */
  sessionId: string;
}

export interface AccessTokenClaims {
  sub: string;
  adm: boolean;
  sid: string;
}
