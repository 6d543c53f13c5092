/**
 * The documents register's search and filters on /van-ban/: the form's values (also the page's
 * query parameters, so a filtered list can be shared) filter the records the build wrote, in the
 * browser, as the reader types. The validity state is computed here from the dates, against today
 * in Vietnam, never taken from the build.
 */
import { DOCUMENT_STATE_LABELS, vietnamToday } from '@toasoan/shared/document-state';
import { formatDate } from '@toasoan/shared/dates';
import { QUERY_PARAMS, filterRecords, isEmptyQuery, type RegisterQuery, type RegisterRecord } from '../lib/register-filter';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string) => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
};

const cell = (label: string, content: string | Node) => {
  const td = el('td');
  td.dataset.label = label;
  td.append(content);
  return td;
};

const renderTable = (rows: ReturnType<typeof filterRecords>) => {
  const table = el('table', undefined, 'doc-table');
  const caption = el('caption', 'Kết quả tra cứu văn bản', 'visually-hidden');
  const head = el('thead');
  const headRow = el('tr');
  for (const title of ['Số hiệu', 'Trích yếu', 'Loại', 'Cơ quan ban hành', 'Ngày ban hành', 'Hiệu lực']) {
    const th = el('th', title);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  for (const { record, state } of rows) {
    const tr = el('tr');
    const link = el('a', record.t);
    link.href = record.u;
    const stateBadge = el('span', DOCUMENT_STATE_LABELS[state], 'doc-state');
    stateBadge.dataset.docState = state;
    tr.append(
      cell('Số hiệu', record.n || '—'),
      cell('Trích yếu', link),
      cell('Loại', record.kl),
      cell('Cơ quan ban hành', record.il || '—'),
      cell('Ngày ban hành', record.d ? formatDate(record.d) : '—'),
      cell('Hiệu lực', stateBadge),
    );
    tr.cells[0]!.classList.add('doc-number');
    body.append(tr);
  }
  table.append(caption, head, body);
  return table;
};

const readQuery = (form: HTMLFormElement): RegisterQuery => {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '').trim();
  return {
    q: value(QUERY_PARAMS.q),
    type: value(QUERY_PARAMS.type),
    issuer: value(QUERY_PARAMS.issuer),
    field: value(QUERY_PARAMS.field),
    year: value(QUERY_PARAMS.year),
    state: value(QUERY_PARAMS.state),
  };
};

export const initRegister = () => {
  const form = document.querySelector<HTMLFormElement>('[data-register-form]');
  const status = document.querySelector<HTMLElement>('[data-register-status]');
  const results = document.querySelector<HTMLElement>('[data-register-results]');
  const listing = document.querySelector<HTMLElement>('[data-register-listing]');
  if (!form || !status || !results) return;

  // The page's address fills the form (a shared link, the issuer link on a document page).
  const params = new URLSearchParams(location.search);
  for (const name of Object.values(QUERY_PARAMS)) {
    const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const value = params.get(name);
    if (field && value !== null) field.value = value;
  }

  let records: Promise<RegisterRecord[]> | undefined;
  const load = () =>
    (records ??= fetch(form.dataset.registerJson!, { headers: { accept: 'application/json' } }).then((res) => {
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.json() as Promise<RegisterRecord[]>;
    }));

  let run = 0;
  const apply = async () => {
    const query = readQuery(form);
    // One spelling per query (the form's order), so equal filters give equal addresses.
    const url = new URL(location.href);
    const search = new URLSearchParams();
    for (const [key, name] of Object.entries(QUERY_PARAMS)) {
      const value = query[key as keyof RegisterQuery];
      if (value) search.set(name, value);
    }
    url.search = search.toString();
    history.replaceState(null, '', url);
    if (isEmptyQuery(query)) {
      run += 1;
      results.hidden = true;
      results.replaceChildren();
      if (listing) listing.hidden = false;
      status.textContent = '';
      results.dataset.answered = '';
      return;
    }
    const mine = ++run;
    let all: RegisterRecord[];
    try {
      all = await load();
    } catch {
      records = undefined;
      status.textContent = 'Không tải được danh mục văn bản. Vui lòng thử lại.';
      return;
    }
    if (mine !== run) return; // a newer keystroke is already being answered
    const found = filterRecords(all, query, vietnamToday());
    results.replaceChildren(...(found.length ? [renderTable(found)] : []));
    results.hidden = false;
    if (listing) listing.hidden = true;
    status.textContent = found.length ? `Tìm thấy ${found.length} văn bản.` : 'Không tìm thấy văn bản phù hợp.';
    // Which query the shown results answer (the page's query string), for anything waiting on them.
    results.dataset.answered = url.search;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void apply();
  });
  form.addEventListener('input', () => void apply());
  form.addEventListener('change', () => void apply());
  // "reset" fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(() => void apply()));
  if (!isEmptyQuery(readQuery(form))) void apply();
};
