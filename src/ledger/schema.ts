import { DATA_CATEGORIES, RISKS } from '../shared/categories.ts';
import { type Check, isArrayOf, isBoolean, isNullable, isObject, isOneOf, isString } from '../shared/validate.ts';
import type { ConsentRecord, LedgerEvent } from './model.ts';
import { CHANNELS, CONSENT_STATUSES, EVENT_KINDS, LIMITS } from './model.ts';
import { buildRecord, bodyOf } from './rules.ts';

/**
 * Checks for records read back from storage or from an import file. Anything that passes is
 * rebuilt through rules.ts, so derived fields (status, dates) never come from outside.
 */

/** Append-only history has no natural bound; this one only stops absurd or hostile input. */
export const MAX_EVENTS_PER_RECORD = 100_000;

const ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
export const isRecordId: Check<string> = (v): v is string => typeof v === 'string' && ID_PATTERN.test(v);

export const isTime: Check<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

const isDurationDays: Check<number> = (v): v is number => Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= 3650;

const isProviderId = isString(LIMITS.providerId);

const isEvidence = isObject({ pageUrl: isNullable(isString(LIMITS.pageUrl)), seen: isString(LIMITS.seen) });

/** The record's own fields, keyed so a failure can name the field in plain words. */
function recordShape(time: Check<unknown>, event: Check<unknown>): Record<keyof ConsentRecord, Check<unknown>> {
  return {
    id: isRecordId,
    source: isObject({ label: isString(LIMITS.label), providerId: isNullable(isProviderId) }),
    recipient: isObject({
      site: isString(LIMITS.site),
      clientId: isNullable(isString(LIMITS.clientId)),
      name: isNullable(isString(LIMITS.label)),
    }),
    intermediary: isNullable(isObject({ providerId: isProviderId, name: isString(LIMITS.label) })),
    providerId: isProviderId,
    channel: isOneOf(CHANNELS),
    scopes: isArrayOf(
      isObject({
        scope: isString(LIMITS.scope),
        means: isString(LIMITS.means),
        category: isOneOf(DATA_CATEGORIES),
        risk: isOneOf(RISKS),
        granted: isNullable(isBoolean),
      }),
      LIMITS.scopesPerRecord,
    ),
    durationDays: isNullable(isDurationDays),
    history: (v): v is unknown[] => Array.isArray(v) && v.length > 0 && isArrayOf(event, MAX_EVENTS_PER_RECORD)(v),
    status: isOneOf(CONSENT_STATUSES),
    createdAt: time,
    updatedAt: time,
    lastSeenAt: time,
    grantedAt: isNullable(time),
    expiresAt: isNullable(time),
  };
}

/** Names the first thing wrong with `value` against `shape`, or null when it fits. */
export function shapeProblem(value: unknown, shape: Record<string, Check<unknown>>): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'it is not a record';
  for (const key of Object.keys(value)) if (!Object.hasOwn(shape, key)) return `it has an unexpected field "${key}"`;
  for (const [key, check] of Object.entries(shape)) {
    if (!check((value as Record<string, unknown>)[key])) return `its field "${key}" is missing or not valid`;
  }
  return null;
}

export type Checked = { record: ConsentRecord } | { problem: string };

/**
 * Validates a stored-format record (times in epoch ms) and rebuilds it: history sorted by time
 * (stable), scopes sorted and unique, derived fields recomputed.
 */
const STORED_SHAPE = recordShape(isTime, isObject({ at: isTime, kind: isOneOf(EVENT_KINDS), evidence: isEvidence }));

export function checkStoredRecord(value: unknown): Checked {
  const problem = shapeProblem(value, STORED_SHAPE);
  if (problem !== null) return { problem };
  return rebuild(value as ConsentRecord);
}

export function rebuild(record: ConsentRecord): Checked {
  const scopes = [...record.scopes].sort((a, b) => (a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0));
  for (let i = 1; i < scopes.length; i++) {
    if (scopes[i]?.scope === scopes[i - 1]?.scope) return { problem: `it lists the scope "${scopes[i]?.scope}" twice` };
  }
  const history: LedgerEvent[] = [...record.history].sort((a, b) => a.at - b.at);
  return { record: buildRecord({ ...bodyOf(record), scopes }, history) };
}

/** The same shape with ISO-8601 UTC times, as in JSON exports: a check for the import parser. */
export function exportedRecordChecker(isIsoTime: Check<unknown>): (value: unknown) => string | null {
  const shape = recordShape(isIsoTime, isObject({ at: isIsoTime, kind: isOneOf(EVENT_KINDS), evidence: isEvidence }));
  return (value) => shapeProblem(value, shape);
}
