// The closed vocabularies of the contract: categories, kinds, roles and segment modes.
import { z } from 'zod';

export const CATEGORIES = ['political-theory', 'cppcc-theory', 'professional', 'other'] as const;
export const categorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof categorySchema>;

export const RESOURCE_KINDS = ['reading', 'video'] as const;
export const resourceKindSchema = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof resourceKindSchema>;

export const ROLES = ['staff', 'leader', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const SEGMENT_MODES = ['reading', 'media'] as const;
export const segmentModeSchema = z.enum(SEGMENT_MODES);
export type SegmentMode = z.infer<typeof segmentModeSchema>;

/** Server-assigned identifiers: opaque, short, URL-safe. */
export const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be an identifier');

/** An instant on the wire: ISO 8601 with an explicit offset (Z or ±hh:mm). */
export const instantSchema = z.iso.datetime({ offset: true });

/** A calendar date in the organisation's time zone. */
export const dateSchema = z.iso.date();
