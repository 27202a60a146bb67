/**
 * The agency that publishes (the province's or the unit's name and emblem), and the figures a
 * unit's own website embeds. Public pages, the register and the widget are headed with the agency,
 * never with the product's name.
 */
import { z } from 'zod';
import { Id, Instant, text } from './common.ts';
import { Month } from './periods.ts';
import { Ratio, RateVerdict } from './tally.ts';

/** The agency as an admin sets it; `logoUrl` is null without an emblem. */
export const AgencySettings = z
  .object({
    /** Empty until an admin sets it: the pages then use the top unit's name. */
    name: z.string(),
    shortName: z.string(),
    /** The name the pages show: `name`, or the top unit's name while it is unset. */
    displayName: z.string(),
    /** The emblem as the pages load it (a versioned URL on this server), or null. */
    logoUrl: z.string().nullable(),
    updatedAt: Instant.nullable(),
  })
  .meta({ id: 'AgencySettings' });
export type AgencySettings = z.infer<typeof AgencySettings>;

export const AgencySettingsUpdate = z
  .object({
    /** "Ủy ban nhân dân tỉnh Hải Long". */
    name: text(200),
    /** "UBND tỉnh Hải Long"; empty: the name is short enough. */
    shortName: z.union([text(80), z.literal('')]),
  })
  .meta({ id: 'AgencySettingsUpdate' });
export type AgencySettingsUpdate = z.infer<typeof AgencySettingsUpdate>;

/** One month of a unit on its website: the rate against the target, or too few to judge. */
export const WidgetMonth = z
  .object({
    month: Month,
    total: z.number().int().min(0),
    satisfied: z.number().int().min(0),
    rate: Ratio.nullable(),
    /** The unit's overall target; null when none is set up the tree (no verdict). */
    target: Ratio.nullable(),
    met: z.boolean().nullable(),
    tooFew: z.boolean(),
    verdict: RateVerdict.nullable(),
  })
  .meta({ id: 'WidgetMonth' });
export type WidgetMonth = z.infer<typeof WidgetMonth>;

/**
 * What the widget shows, for sites that draw their own: the unit's current month (its figures
 * are those of /public/stats for the unit and month) and the 12 months ending with it, oldest
 * first. Links are absolute: the widget lives on another site.
 */
export const WidgetData = z
  .object({
    unit: z.object({ id: Id, name: z.string() }),
    agency: z.object({
      name: z.string(),
      shortName: z.string(),
      logoUrl: z.string().nullable(),
    }),
    current: WidgetMonth,
    months: z.array(WidgetMonth),
    minSample: z.number().int(),
    links: z.object({
      /** The unit on the public page. */
      page: z.string(),
      /** The published answers to phản ánh, kiến nghị about the unit. */
      register: z.string(),
      badge: z.string(),
    }),
    generatedAt: Instant,
  })
  .meta({ id: 'WidgetData' });
export type WidgetData = z.infer<typeof WidgetData>;
