import type { viReport } from './vi-report.ts';

/** English messages of the periodic report's download form (spread into en.ts). */
export const enReport: Record<keyof typeof viReport, string> = {
  'periodic.title': 'Download the periodic report',
  'periodic.intro':
    'The satisfaction survey report in the layout of administrative documents (Decree 30/2020/NĐ-CP) for {unit}, {period}. DOCX to edit and sign; PDF to read and print. The document itself is in Vietnamese.',
  'periodic.kind': 'Reporting period',
  'periodic.authority': 'Signing on behalf of (optional)',
  'periodic.authorityHint': 'For example: KT. GIÁM ĐỐC; leave empty when the head signs.',
  'periodic.signerTitle': 'Signer’s position',
  'periodic.signerName': 'Signer’s full name',
  'periodic.recipients': 'Recipients (one per line)',
  'periodic.format': 'Format',
  'periodic.docx': 'DOCX (edit, sign)',
  'periodic.pdf': 'PDF (read, print)',
  'periodic.download': 'Download the report',
  'periodic.pack': 'Download the evidence pack (PAR Index)',
  'periodic.packHint':
    'One zip with the report, each month’s signed data, the checkpoints, the public keys and a guide to verifying them (in Vietnamese).',
  'periodic.defaultTitle': 'Thủ trưởng đơn vị',
  'periodic.defaultRecipients': 'Như trên;\nLưu: VT.',
};
