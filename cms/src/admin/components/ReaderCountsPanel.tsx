import { Fragment, useEffect, useState } from 'react';
import styled from 'styled-components';
import { useFetchClient } from '@strapi/strapi/admin';

interface Counts {
  views: number;
  downloads: number;
  ratingCount: number;
  ratingAverage: number;
}

const KINDS: Record<string, 'article' | 'document'> = {
  'api::article.article': 'article',
  'api::document.document': 'document',
};

const number = new Intl.NumberFormat('vi-VN');

// The admin's design-system theme (light or dark) through styled-components, which the admin provides.
const List = styled.dl`
  display: grid;
  grid-template-columns: 1fr auto;
  gap: ${({ theme }) => theme.spaces[2]};
  width: 100%;
  margin: 0;
  font-size: ${({ theme }) => theme.fontSizes[2]};
  color: ${({ theme }) => theme.colors.neutral800};
  dd {
    margin: 0;
    font-weight: ${({ theme }) => theme.fontWeights.bold};
    text-align: right;
  }
`;
const Note = styled.p<{ $danger?: boolean }>`
  font-size: ${({ theme }) => theme.fontSizes[1]};
  color: ${({ theme, $danger }) => ($danger ? theme.colors.danger600 : theme.colors.neutral600)};
`;

const Counts = ({ kind, documentId }: { kind: 'article' | 'document'; documentId: string }) => {
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    get<{ data: Counts }>(`/engagement-admin/counts/${kind}/${documentId}`)
      .then(({ data }) => current && setCounts(data.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get, kind, documentId]);

  if (failed) return <Note $danger>Không tải được số liệu, vui lòng tải lại trang.</Note>;
  if (!counts) return <Note>Đang tải…</Note>;
  const rows: [string, string][] =
    kind === 'article'
      ? [
          ['Lượt xem', number.format(counts.views)],
          ['Đánh giá', counts.ratingCount ? `${counts.ratingAverage.toFixed(1).replace('.', ',')}/5 (${number.format(counts.ratingCount)} lượt)` : 'Chưa có'],
        ]
      : [
          ['Lượt xem', number.format(counts.views)],
          ['Lượt tải', number.format(counts.downloads)],
        ];
  return (
    <div data-testid="reader-counts" style={{ width: '100%' }}>
      <List>
        {rows.map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
      </List>
      <Note>Do bạn đọc tạo ra; biểu mẫu không thay đổi được.</Note>
    </div>
  );
};

/**
 * Readers' counts beside the edit form, read-only: they are not fields of the entry, so saving,
 * publishing or unpublishing cannot write an old number back.
 */
export const ReaderCountsPanel = ({ model, documentId }: { model: string; documentId?: string }) => {
  const kind = KINDS[model];
  if (!kind || !documentId) return null;
  return { title: 'Số liệu bạn đọc', content: <Counts kind={kind} documentId={documentId} /> };
};
