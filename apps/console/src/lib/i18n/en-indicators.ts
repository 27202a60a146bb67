import type { viIndicators } from './vi-indicators.ts';

/** English messages of the provincial reporting system's pull tokens (spread into en.ts). */
export const enIndicators: Record<keyof typeof viIndicators, string> = {
  'pull.title': 'Connection to the provincial reporting system',
  'pull.intro':
    'The provincial reporting system pulls the indicators (overall and per-sector satisfaction, ratings, targets, complaints answered on time, Circular 01 indicators) with a connection token, so nobody copies figures by hand.',
  'pull.label': 'Label',
  'pull.labelHint': 'For example: Provincial reporting system.',
  'pull.node': 'Figures of',
  'pull.nodeAll': 'Every unit',
  'pull.create': 'Create a token',
  'pull.created':
    'New connection token. Copy it and send it to the reporting system’s administrators now: it is shown only once.',
  'pull.copy': 'Copy token',
  'pull.copied': 'Token copied.',
  'pull.none': 'No connection token yet.',
  'pull.colLabel': 'Label',
  'pull.colNode': 'Figures of',
  'pull.colCreated': 'Created',
  'pull.colUsed': 'Last used',
  'pull.colState': 'State',
  'pull.active': 'Active',
  'pull.revokedOn': 'Revoked on {date}',
  'pull.never': 'Never',
  'pull.revoke': 'Revoke',
  'pull.revokeNamed': 'Revoke token {label}',
  'pull.confirmRevoke':
    'Revoke "{label}"? The reporting system will no longer pull figures with it.',
  'pull.revoked': 'Token revoked.',
};
