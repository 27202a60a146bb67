import { describe, expect, it } from 'vitest';
import { backupDateOf, backupFileName, backupsToForget, vnDayAndMinute } from './backup-files.ts';

const at = (iso: string) => Date.parse(iso);

describe('backup files', () => {
  it('are named after the moment in Việt Nam, so they sort by age', () => {
    // 19:30 UTC is 02:30 the next morning in Hà Nội.
    expect(backupFileName('sqlite', at('2026-11-25T19:30:00Z'))).toBe(
      'hailong-2026-11-26-0230.sqlite',
    );
    expect(backupFileName('postgres', at('2026-01-01T00:05:00Z'))).toBe(
      'hailong-2026-01-01-0705.pgdump',
    );
    expect(backupDateOf('hailong-2026-11-26-0230.sqlite')).toBe('2026-11-26');
    expect(backupDateOf('hailong.db')).toBeNull();
    expect(backupDateOf('hailong-2026-11-26-0230.sqlite.partial')).toBeNull();
    expect(vnDayAndMinute(at('2026-11-25T19:30:00Z'))).toEqual({ day: '2026-11-26', minute: 150 });
  });

  it('forgets those older than the days kept, never the newest, never other files', () => {
    const names = [
      'hailong-2026-11-10-0230.sqlite',
      'hailong-2026-11-11-0230.sqlite',
      'hailong-2026-11-12-0230.sqlite',
      'notes.txt',
      'hailong-2026-11-11-0230.sqlite.partial',
    ];
    const now = at('2026-11-25T03:00:00Z'); // 10:00 on 25/11 in Hà Nội
    expect(backupsToForget(names, now, 14)).toEqual(['hailong-2026-11-10-0230.sqlite']);
    expect(backupsToForget(names, now, 13)).toEqual([
      'hailong-2026-11-10-0230.sqlite',
      'hailong-2026-11-11-0230.sqlite',
    ]);
    // Backups stopped a month ago: the last one stays.
    expect(backupsToForget(names, at('2026-12-25T03:00:00Z'), 14)).toEqual([
      'hailong-2026-11-10-0230.sqlite',
      'hailong-2026-11-11-0230.sqlite',
    ]);
  });
});
