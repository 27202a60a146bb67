/**
 * The console's client for the agency that heads the public pages, and where a unit's widget lives
 * (kept beside api.ts so that file stays one screen shorter).
 */
import { AgencySettings, type AgencySettingsUpdate } from '@hailong/contracts';
import { DELETE, GET, PUT, parsed, upload } from './api-client.ts';

export const agencyApi = {
  get: (signal?: AbortSignal) => parsed(GET('/api/v1/settings/agency', { signal }), AgencySettings),
  save: (body: AgencySettingsUpdate) =>
    parsed(PUT('/api/v1/settings/agency', { body }), AgencySettings),
  /** Sends the emblem file; the server keeps a redrawn PNG and answers with its new URL. */
  uploadLogo: (file: File) =>
    parsed(PUT('/api/v1/settings/agency/logo', { body: upload(file) }), AgencySettings),
  removeLogo: () => parsed(DELETE('/api/v1/settings/agency/logo'), AgencySettings),
};

/** The addresses a unit's website embeds, on `base` (the public address, or this console's). */
export function widgetAddresses(base: string, unitId: string, locale: 'vi' | 'en') {
  const id = encodeURIComponent(unitId);
  const lang = locale === 'en' ? '?lang=en' : '';
  return {
    frame: `${base}/public/widget/${id}${lang}`,
    script: `${base}/public/widget.js`,
    badge: `${base}/public/widget/${id}/badge.svg${lang}`,
    json: `${base}/api/v1/public/units/${id}/widget${lang}`,
    page: `${base}/public?node=${id}${locale === 'en' ? '&lang=en' : ''}`,
  };
}
