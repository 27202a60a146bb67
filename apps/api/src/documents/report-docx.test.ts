/**
 * The DOCX read back: unzipped with the catalogue's own zip reader and its word/document.xml
 * searched for every element NĐ 30/2020 Phụ lục I asks of an administrative document, and for
 * every figure of the report, written the Vietnamese way.
 */
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, RATE_VERDICT_LABELS } from '@hailong/domain';
import { paragraphs, runs, tables, unzip, type Run } from './docx-read.ts';
import { reportDocx } from './report-docx.ts';
import { hueQuarterReport } from './report-fixture.ts';

const report = hueQuarterReport();
const docx = await reportDocx(report);
const parts = unzip(docx);
const xml = parts.get('word/document.xml')!.toString('utf8');
const all = runs(xml);
const paras = paragraphs(xml);
const tbls = tables(xml);

/** The one run whose text is `text`. */
function run(text: string): Run {
  const found = all.filter((r) => r.text === text);
  expect(found, text).toHaveLength(1);
  return found[0]!;
}

const pct = (x: number) => formatPercent(x, 'vi', 1);
const num = (x: number) => formatNumber(x, 'vi');

describe('the DOCX of a periodic report (NĐ 30/2020/NĐ-CP Phụ lục I)', () => {
  it('is A4 with margins of 20 mm top and bottom, 30 mm left, 15 mm right', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1]!;
    expect(margin).toContain('w:top="1134"');
    expect(margin).toContain('w:bottom="1134"');
    expect(margin).toContain('w:left="1701"');
    expect(margin).toContain('w:right="850"');
  });

  it('numbers the pages from the second, centred in the top margin, in Times New Roman 14', () => {
    expect(xml).toContain('<w:titlePg/>');
    const headers = [...parts.keys()].filter((name) => /^word\/header\d+\.xml$/.test(name));
    const withNumber = headers
      .map((h) => parts.get(h)!.toString('utf8'))
      .filter((h) => h.includes('PAGE'));
    expect(withNumber).toHaveLength(1);
    expect(withNumber[0]).toContain('<w:jc w:val="center"/>');
    expect(withNumber[0]).toContain('w:ascii="Times New Roman"');
    expect(withNumber[0]).toContain('<w:sz w:val="28"/>');
    // The first page's header is empty.
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it('sets every run in Times New Roman', () => {
    // Every run but the two charts', which hold a drawing and no text.
    const texts = all.filter((r) => !r.drawing);
    expect(all.length - texts.length).toBe(2);
    const fonts = new Set(texts.map((r) => r.font));
    expect(fonts).toEqual(new Set(['Times New Roman']));
    expect(parts.get('word/styles.xml')!.toString('utf8')).toContain('w:ascii="Times New Roman"');
  });

  it('heads the page with the agency and the Quốc hiệu side by side, in a table without borders', () => {
    const header = tbls[0]!;
    expect(header.xml).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    expect(header.rows).toEqual([
      [
        'UBND TỈNH THỪA THIÊN HUẾTRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc',
      ],
      ['Số:        /BC-TTPVHCC', 'Huế, ngày 07 tháng 12 năm 2026'],
    ]);
    expect(run('UBND TỈNH THỪA THIÊN HUẾ')).toMatchObject({ size: 24, bold: false, italic: false });
    expect(run('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG')).toMatchObject({ size: 24, bold: true });
    expect(run('Số:        /BC-TTPVHCC')).toMatchObject({ size: 26, bold: false });
    expect(run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ size: 24, bold: true });
    expect(run('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ size: 26, bold: true });
    expect(run('Huế, ngày 07 tháng 12 năm 2026')).toMatchObject({
      size: 28,
      italic: true,
      bold: false,
    });
    for (const text of ['UBND TỈNH THỪA THIÊN HUẾ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']) {
      expect(paras.find((p) => p.text === text)!.props).toContain('<w:jc w:val="center"/>');
    }
  });

  it('draws a short line under the issuing body and one as long as the Tiêu ngữ under it', () => {
    const cell = (i: number) => [...tbls[0]!.xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)][i]![1]!;
    const rule = (cellXml: string) => {
      const ps = paragraphs(cellXml);
      const last = ps[ps.length - 1]!;
      expect(last.text).toBe('');
      expect(last.props).toMatch(/<w:pBdr><w:bottom w:val="single"/);
      const left = Number(/<w:ind w:left="(\d+)"/.exec(last.props)![1]);
      const right = Number(/w:right="(\d+)"/.exec(last.props)![1]);
      return { left, right };
    };
    // Left column 3685 twips: the line is 40 % of it, centred.
    const issuer = rule(cell(0));
    expect(3685 - issuer.left - issuer.right).toBeGreaterThanOrEqual(3685 / 3 - 1);
    expect(3685 - issuer.left - issuer.right).toBeLessThanOrEqual(3685 / 2);
    // Right column: as long as the motto in Times New Roman Bold 13 (55,4 mm ≈ 3141 twips).
    const motto = rule(cell(1));
    expect(5670 - motto.left - motto.right).toBeGreaterThanOrEqual(3140);
    expect(5670 - motto.left - motto.right).toBeLessThanOrEqual(3142);
  });

  it('titles it "BÁO CÁO" with its summary line, bold, centred, a line under them', () => {
    expect(run('BÁO CÁO')).toMatchObject({ size: 28, bold: true });
    const summary =
      'Kết quả khảo sát, đánh giá sự hài lòng của tổ chức, cá nhân đối với việc giải quyết thủ tục hành chính quý IV năm 2026';
    expect(run(summary)).toMatchObject({ size: 28, bold: true });
    const i = paras.findIndex((p) => p.text === summary);
    expect(paras[i]!.props).toContain('<w:jc w:val="center"/>');
    expect(paras[i + 1]!.props).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it('sets the body in 14 pt, justified, first lines indented 1,27 cm, 6 pt after each paragraph', () => {
    const body = paras.filter((p) => p.props.includes('<w:ind w:firstLine="720"/>'));
    expect(body.length).toBeGreaterThan(12);
    for (const p of body) {
      expect(p.props).toContain('<w:jc w:val="both"/>');
      expect(p.props).toMatch(
        /<w:spacing w:after="120" w:before="(0|120)" w:line="288" w:lineRule="auto"\/>/,
      );
      for (const r of runs(p.xml)) expect(r.size).toBe(28);
    }
    const texts = body.map((p) => p.text);
    expect(texts).toContain('I. KẾT QUẢ CHUNG');
    expect(texts).toContain('V. ĐÁNH GIÁ THEO THÔNG TƯ SỐ 01/2018/TT-VPCP');
    expect(texts).toContain(
      'Tỷ lệ hài lòng chung đạt 94,8% (10.674/11.255 phiếu hài lòng; khoảng tin cậy 95%: 94,4% – 95,2%), vượt chỉ tiêu 91%.',
    );
    expect(texts).toContain(
      'Từ ngày 01/10/2026 đến ngày 31/12/2026, tại tỉnh Thừa Thiên Huế có 11.255 phiếu đánh giá được tính vào tỷ lệ hài lòng.',
    );
    expect(texts.at(-1)).toBe(
      'Trên đây là báo cáo kết quả khảo sát, đánh giá sự hài lòng quý IV năm 2026 của Trung tâm Phục vụ hành chính công./.',
    );
    expect(texts.join(' ')).not.toMatch(/chưa đạt chỉ tiêu \([^)]*Khoa học/);
  });

  it('holds both charts as PNG images, each with a table of its figures', () => {
    const drawings = [...xml.matchAll(/<w:drawing>[\s\S]*?<\/w:drawing>/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(2);
    const rels = parts.get('word/_rels/document.xml.rels')!.toString('utf8');
    for (const drawing of drawings) {
      const id = /r:embed="([^"]+)"/.exec(drawing)![1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1]!;
      const png = parts.get(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`)!;
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // Each drawing its own id, as Word wants.
    expect(drawings.map((d) => /<wp:docPr id="(\d+)"/.exec(d)![1])).toEqual(['1', '2']);
    expect(drawings[0]).toContain('Biểu đồ 1. Tỷ lệ hài lòng theo tháng');
    expect(drawings[1]).toContain('Biểu đồ 2. Tỷ lệ hài lòng theo lĩnh vực');
    expect(paras.map((p) => p.text)).toEqual(
      expect.arrayContaining([
        'Bảng 2. Tỷ lệ hài lòng theo tháng',
        'Bảng 3. Kết quả theo lĩnh vực',
      ]),
    );
  });

  it('ends with "Nơi nhận" on the left and the signature on the right', () => {
    const closing = tbls[tbls.length - 1]!;
    expect(closing.xml).toMatch(/<w:tblBorders>(<w:\w+ w:val="none"[^>]*\/>){6}<\/w:tblBorders>/);
    expect(run('Nơi nhận:')).toMatchObject({ size: 24, bold: true, italic: true });
    const lines = [
      '- UBND tỉnh (để báo cáo);',
      '- Văn phòng UBND tỉnh;',
      '- Sở Nội vụ;',
      '- Các sở, ban, ngành cấp tỉnh;',
      '- UBND các huyện, thị xã, thành phố Huế;',
      '- Giám đốc, các Phó Giám đốc Trung tâm;',
      '- Lưu: VT, NV.',
    ];
    for (const line of lines)
      expect(run(line)).toMatchObject({ size: 22, bold: false, italic: false });
    expect(closing.rows).toEqual([
      ['Nơi nhận:' + lines.join(''), 'KT. GIÁM ĐỐCPHÓ GIÁM ĐỐCTrần Thị Minh Hoa'],
    ]);
    for (const text of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Minh Hoa']) {
      expect(run(text)).toMatchObject({ size: 28, bold: true });
    }
  });
});

describe('the figures of the DOCX', () => {
  const table = (caption: string) => {
    const at = xml.indexOf(`>${caption}`);
    expect(at, caption).toBeGreaterThan(0);
    const i = tbls.findIndex((t) => xml.indexOf(t.xml) > at);
    return tbls[i]!.rows;
  };

  it('gives the overall figures, Vietnamese style', () => {
    expect(table('Bảng 1. Kết quả chung')[1]).toEqual([
      '11.255',
      '10.674',
      '94,8%',
      '94,4%–95,2%',
      '91%',
      'Đạt',
    ]);
  });

  it('gives every month of the trend', () => {
    expect(table('Bảng 2. Tỷ lệ hài lòng theo tháng').slice(1)).toEqual(
      report.trend.map((p) => [`${p.month.slice(5)}/2026`, num(p.total), pct(p.rate!)]),
    );
  });

  it('gives every sector, grouped met / close / not met / too few, with its figures', () => {
    const rows = table('Bảng 3. Kết quả theo lĩnh vực');
    expect(rows.filter((r) => r.length === 1).map((r) => r[0])).toEqual([
      'Lĩnh vực đạt chỉ tiêu (13)',
      'Lĩnh vực chưa khác biệt có ý nghĩa so với chỉ tiêu (2)',
      'Lĩnh vực chưa đạt chỉ tiêu (2)',
      'Lĩnh vực chưa đủ phiếu để đánh giá (2)',
    ]);
    const cells = rows.filter((r) => r.length === 8).slice(1);
    expect(cells.map((r) => r[0])).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(new Set(cells.map((r) => r[1]))).toEqual(new Set(report.sectors.map((s) => s.name)));
    for (const s of report.sectors) {
      const r = cells.find((c) => c[1] === s.name)!;
      expect(r.slice(2)).toEqual([
        num(s.total),
        num(s.satisfied),
        s.rate === null ? '–' : pct(s.rate),
        s.interval ? `${pct(s.interval.low)}–${pct(s.interval.high)}` : '–',
        '91%',
        RATE_VERDICT_LABELS[s.verdict!],
      ]);
    }
    expect(cells.find((c) => c[1] === 'Đất đai')).toEqual([
      '17',
      'Đất đai',
      '1.300',
      '1.105',
      '85%',
      '83%–86,8%',
      '91%',
      'Chưa đạt',
    ]);
    // Too few is never "Chưa đạt".
    expect(cells.find((c) => c[1] === 'Khoa học và Công nghệ')![7]).toBe('Chưa đủ phiếu');
  });

  it('ranks the units, equal rates sharing a rank, those too few to rank last', () => {
    const rows = table('Bảng 4. Xếp hạng các đơn vị').slice(1);
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual([
      ['1', 'Trung tâm Phục vụ hành chính công tỉnh', '96,1%'],
      ['2', 'UBND thành phố Huế', '96%'],
      ['2', 'UBND thị xã Hương Thủy', '96%'],
      ['4', 'UBND huyện Quảng Điền', '95,3%'],
      ['5', 'UBND thị xã Hương Trà', '95,2%'],
      ['6', 'UBND huyện Phong Điền', '93,9%'],
      ['7', 'UBND huyện Phú Lộc', '93,2%'],
      ['8', 'UBND huyện Phú Vang', '88,6%'],
      ['–', 'UBND huyện A Lưới', '92%'],
    ]);
    for (const u of report.units) {
      const r = rows.find((c) => c[1] === u.name)!;
      expect(r.slice(2)).toEqual([
        num(u.total),
        num(u.satisfied),
        pct(u.rate!),
        `${pct(u.interval!.low)}–${pct(u.interval!.high)}`,
        '91%',
        RATE_VERDICT_LABELS[u.verdict!],
      ]);
    }
  });

  it('gives phản ánh, the TT 01 indicators and what was left out', () => {
    expect(table('Bảng 5. Phản ánh').slice(1)).toEqual([
      ['Phản ánh, kiến nghị tiếp nhận', '126', '–'],
      ['Trả lời đúng hạn', '112', '88,9%'],
      ['Quá hạn', '4', '3,2%'],
      ['Người dân chấp nhận câu trả lời', '87', '93,5%'],
      ['Người dân không chấp nhận câu trả lời', '6', '6,5%'],
    ]);
    expect(table('Bảng 6. Điểm các chỉ số').slice(1)).toEqual([
      ['1', 'Tổng thời gian giải quyết so với quy định', '1,92', '1.037'],
      ['2', 'Thời gian thực hiện của từng cơ quan', 'Chưa đo', '–'],
      ['3', 'Số lần phải liên hệ để hoàn thiện hồ sơ', '1,97', '1.111'],
      ['4', 'Số cơ quan phải liên hệ', '1,99', '1.148'],
      ['5', 'Tiếp nhận, trả kết quả tại Bộ phận Một cửa', 'Chưa đo', '–'],
      ['6', 'Công khai thủ tục hành chính', 'Chưa đo', '–'],
      ['7', 'Thái độ của cán bộ, công chức', '1,96', '1.259'],
      ['8', 'Tiếp thu, giải trình phản ánh, kiến nghị', '1,85', '1.296'],
      ['9', 'Cung cấp dịch vụ công trực tuyến', 'Chưa đo', '–'],
      ['', 'Tổng điểm các chỉ số đo được', '9,69/10', ''],
      ['', 'Xếp loại', 'Tốt', ''],
    ]);
    expect(table('Bảng 7. Phiếu được lưu giữ').slice(1)).toEqual([
      ['Nghi bấm lặp', '214'],
      ['Đồng hồ máy tính bảng sai lệch', '12'],
      ['Hồ sơ được đánh giá lại sau đó', '37'],
      ['Qua điện thoại, chưa gắn hồ sơ', '1.058'],
      ['Đến sau khi chốt số liệu', '9'],
      ['Mức đánh giá ngoài thang đo', '0'],
      ['Tổng cộng', '1.330'],
    ]);
  });

  it('writes no number the English way', () => {
    const text = paras.map((p) => p.text).join('\n');
    expect(text).not.toMatch(/\d\.\d{1,2}%/);
    expect(text).not.toMatch(/\d,\d{3}(?!\d)(?!%)/);
    expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2}\b/);
  });
});
