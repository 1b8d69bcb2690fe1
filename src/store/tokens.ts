// Bearer tokens of the agencies that report progress, and of administrators. A token's secret is
// shown once when it is made; only its sha256 is kept, so a copy of the database holds no secret.
import { createHash, randomBytes } from 'node:crypto'
import type { Database } from './database.js'
import { prepared } from './query.js'

export type Role = 'agency' | 'admin'

/** Who is writing: what a valid token stands for. */
export interface Principal {
  tokenId: string
  role: Role
  /** The agency it writes for; null for an administrator. */
  agencyId: string | null
}

export interface TokenRecord extends Principal {
  label: string
  createdAt: string
  revokedAt: string | null
}

interface Row {
  id: string
  role: Role
  agency_id: string | null
  label: string
  created_at: string
  revoked_at: string | null
}

function toRecord(r: Row): TokenRecord {
  return {
    tokenId: r.id,
    role: r.role,
    agencyId: r.agency_id,
    label: r.label,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  }
}

/** Secrets carry a prefix so that a leaked one is recognisable in logs and scanners. */
const SECRET_PREFIX = 'plan_'

function hashOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Makes a token; the secret is returned here and nowhere else. */
export function createToken(
  db: Database,
  token: { role: Role; agencyId: string | null; label: string },
  now = new Date(),
): { record: TokenRecord; secret: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`
  const id = `tok-${randomBytes(6).toString('hex')}`
  db.prepare(
    `INSERT INTO tokens (id, secret_hash, role, agency_id, label, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(id, hashOf(secret), token.role, token.agencyId, token.label, now.toISOString())
  return { record: listTokens(db).find((t) => t.tokenId === id)!, secret }
}

export function listTokens(db: Database): TokenRecord[] {
  return (db.prepare('SELECT * FROM tokens ORDER BY created_at, id').all() as Row[]).map(toRecord)
}

/** Revokes a token at once; false when there is no such token or it was revoked before. */
export function revokeToken(db: Database, id: string, now = new Date()): boolean {
  return (
    db
      .prepare('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now.toISOString(), id).changes === 1
  )
}

/** What a presented secret stands for; null for an unknown or revoked one. */
export function principalOf(db: Database, secret: string): Principal | null {
  // Asked on every request with a bearer token (rate limits key on it): a cached statement.
  const row = prepared(db, 'SELECT * FROM tokens WHERE secret_hash = ? AND revoked_at IS NULL').get(
    hashOf(secret),
  ) as Row | undefined
  if (!row) return null
  return { tokenId: row.id, role: row.role, agencyId: row.agency_id }
}
