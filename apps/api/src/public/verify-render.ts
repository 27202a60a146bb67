/**
 * The verifier page "Kiểm chứng số liệu" (issue 25 item 3), server-rendered like the other public
 * pages: a unit and month to fetch, a dataset file to choose, and, opened from a receipt's QR, the
 * rating to look for. The checking itself is the page's script (verify-client.ts), in the
 * reader's browser, so that nobody has to trust this server's word for it; without the script the
 * page says how to check with `npm run verify` instead.
 */
import { html } from 'hono/html';
import { formatMonth, VERIFY_PAGE_PATH } from '@hailong/domain';
import type { AgencyHeading } from './agency.service.ts';
import { pageShell } from './shell.ts';
import { pageHref } from './render.ts';
import { VERIFY_SCRIPT_PATH } from './verify-script.ts';

/** The link from the public page, in its language. */
export const VERIFY_LINK_TEXT = {
  vi: 'Kiểm chứng số liệu: tự tính lại tỷ lệ hài lòng từ dữ liệu đã ký',
  en: 'Verify the figures yourself (in Vietnamese)',
} as const;

export interface VerifyPageView {
  agency: AgencyHeading;
  units: readonly { id: string; name: string }[];
  /** What the address asks, already checked: a known unit, a month, a rating id. */
  unit: { id: string; name: string } | null;
  month: string | null;
  rating: string | null;
}

const STYLE = `
.checks { list-style: none; padding: 0; margin: 0.75rem 0 0; }
.checks li { padding: 0.35rem 0 0.35rem 1.75rem; position: relative; overflow-wrap: anywhere; }
.checks li::before { position: absolute; left: 0; font-weight: 700; }
.checks li.ok::before { content: "✓"; color: #17663a; }
.checks li.bad::before { content: "✗"; color: #a4161a; }
.verdict-ok { color: #17663a; font-weight: 700; }
.verdict-bad { color: #a4161a; font-weight: 700; }
`;

export function renderVerifyPage(view: VerifyPageView) {
  const asked = view.unit && view.month;
  const where = asked ? `${view.unit!.name}, tháng ${formatMonth(view.month!)}` : '';
  return pageShell({
    locale: 'vi',
    title: 'Kiểm chứng số liệu',
    description:
      'Tự tính lại số phiếu, tỷ lệ hài lòng và gốc Merkle từ bộ dữ liệu công khai, kiểm tra chữ ký số của máy chủ.',
    agency: view.agency,
    homeHref: pageHref({ locale: 'vi' }),
    otherHref: pageHref({ locale: 'en' }),
    head: html`<style>
      ${STYLE}
    </style>`,
    main: html`<h1>Kiểm chứng số liệu</h1>
      <p class="lead">
        Mỗi tháng, sau khi khóa sổ, máy chủ chốt số liệu đánh giá của từng đơn vị và ký số điểm
        chốt. Trang này tải bộ dữ liệu công khai của tháng (không có nội dung góp ý, mã hồ sơ hay
        tên cán bộ), tự tính lại số phiếu, tỷ lệ hài lòng và gốc Merkle ngay trên máy của bạn, rồi
        kiểm tra chữ ký số của máy chủ.
      </p>
      <div
        id="verify"
        data-unit="${view.unit?.id ?? ''}"
        data-month="${view.month ?? ''}"
        data-rating="${view.rating ?? ''}"
        data-where="${where}"
      ></div>
      <section class="card" aria-labelledby="verify-result-title">
        <h2 id="verify-result-title">
          ${view.rating ? 'Mã kiểm chứng phiếu đánh giá' : 'Kết quả kiểm chứng'}
        </h2>
        ${asked ? html`<p class="muted">${where}</p>` : ''}
        <div id="verify-result" role="status" aria-live="polite">
          <p class="muted">
            ${
              asked
                ? 'Đang kiểm chứng…'
                : 'Chọn đơn vị và tháng, hoặc chọn một tệp dữ liệu đã tải về.'
            }
          </p>
        </div>
        <noscript>
          <p class="notice">
            Trang cần JavaScript để kiểm chứng trên trình duyệt. Có thể kiểm chứng tệp đã tải về
            bằng lệnh: npm run verify -- TỆP.json
          </p>
        </noscript>
      </section>
      <section class="card" aria-labelledby="verify-month-title">
        <h2 id="verify-month-title">Kiểm chứng một tháng của đơn vị</h2>
        <form class="row" method="get" action="${VERIFY_PAGE_PATH}">
          <div class="field">
            <label for="verify-unit">Đơn vị</label>
            <select id="verify-unit" name="unit">
              ${view.units.map(
                (u) =>
                  html`<option value="${u.id}" ${u.id === view.unit?.id ? 'selected' : ''}>
                    ${u.name}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field">
            <label for="verify-month">Tháng</label>
            <input id="verify-month" name="month" type="month" value="${view.month ?? ''}" />
          </div>
          <button type="submit" class="primary">Kiểm chứng</button>
        </form>
        ${
          asked
            ? html`<p>
                Tải bộ dữ liệu:
                <a href="/api/v1/public/datasets/${view.unit!.id}/${view.month}.json" download
                  >tệp JSON</a
                >
                ·
                <a href="/api/v1/public/datasets/${view.unit!.id}/${view.month}.csv">tệp CSV</a>
              </p>`
            : ''
        }
      </section>
      <section class="card" aria-labelledby="verify-file-title">
        <h2 id="verify-file-title">Kiểm chứng một tệp dữ liệu đã tải về</h2>
        <p class="muted">
          Tệp .json của một tháng (tải ở trên, hoặc trong hồ sơ kiểm chứng của đơn vị). Tệp được đọc
          ngay trên máy của bạn, không gửi đi đâu.
        </p>
        <div class="field">
          <label for="dataset-file">Tệp dữ liệu (.json)</label>
          <input id="dataset-file" type="file" accept=".json,application/json" />
        </div>
      </section>
      <section class="card" aria-labelledby="verify-what-title">
        <h2 id="verify-what-title">Kiểm chứng chứng minh điều gì</h2>
        <p>
          Khớp nghĩa là: số liệu tháng được tính đúng từ các phiếu đã công bố, và không phiếu nào bị
          sửa, thêm hay bớt sau khi máy chủ ký điểm chốt. Kiểm chứng không chứng minh người bấm là
          người dân chứ không phải cán bộ: việc đó do các dấu hiệu bất thường giúp phát hiện.
        </p>
      </section>
      <script src="${VERIFY_SCRIPT_PATH}" defer></script>`,
  });
}
