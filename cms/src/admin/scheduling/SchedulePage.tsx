/**
 * "Lịch đăng": what goes out or comes down at a set time, soonest first, in Vietnam time whatever
 * the browser's zone. Each row opens the entry's edit view, where the schedule is changed.
 */
import * as React from 'react';
import { Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { formatArticleDate } from '@toasoan/shared/dates';

interface ScheduledEntry {
  uid: string;
  type: string;
  documentId: string;
  title: string;
  publishAt: string | null;
  expireAt: string | null;
  published: boolean;
}

const SchedulePage = () => {
  const { get } = useFetchClient();
  const [entries, setEntries] = React.useState<ScheduledEntry[] | null>(null);
  const [failed, setFailed] = React.useState(false);

  React.useEffect(() => {
    let current = true;
    get<{ data: ScheduledEntry[] }>('/scheduling/entries')
      .then(({ data }) => current && setEntries(data.data))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [get]);

  return (
    <Layouts.Root>
      <Page.Main>
        <Page.Title>Lịch đăng</Page.Title>
        <Layouts.Header title="Lịch đăng" subtitle="Tin bài hẹn giờ đăng hoặc hết hạn và văn bản hẹn giờ đăng, theo giờ Việt Nam (GMT+7)" />
        <Layouts.Content>
          {failed ? (
            <Typography textColor="danger600">Không tải được lịch đăng, vui lòng tải lại trang.</Typography>
          ) : entries === null ? (
            <Typography>Đang tải…</Typography>
          ) : entries.length === 0 ? (
            <Box padding={8} background="neutral0" hasRadius>
              <Typography>Chưa có tin bài hay văn bản nào được hẹn giờ.</Typography>
            </Box>
          ) : (
            <Table colCount={5} rowCount={entries.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Tiêu đề</Typography></Th>
                  <Th><Typography variant="sigma">Loại</Typography></Th>
                  <Th><Typography variant="sigma">Hẹn giờ đăng</Typography></Th>
                  <Th><Typography variant="sigma">Hết hạn</Typography></Th>
                  <Th><Typography variant="sigma">Hiện tại</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {entries.map((entry) => (
                  <Tr key={`${entry.uid}:${entry.documentId}`} data-testid="scheduled-entry">
                    <Td>
                      <Link to={`/content-manager/collection-types/${entry.uid}/${entry.documentId}`}>
                        <Typography textColor="primary600">{entry.title}</Typography>
                      </Link>
                    </Td>
                    <Td><Typography>{entry.type}</Typography></Td>
                    <Td><Typography>{formatArticleDate(entry.publishAt) || '—'}</Typography></Td>
                    <Td><Typography>{formatArticleDate(entry.expireAt) || '—'}</Typography></Td>
                    <Td><Typography>{entry.published ? 'Đã đăng' : 'Bản nháp'}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Layouts.Content>
      </Page.Main>
    </Layouts.Root>
  );
};

export default SchedulePage;
