// Publishing several entries from a list. Strapi's own dialog for this has a table whose column
// headers are fixed English strings ("documentId", "name", "status", "Publication status") that no
// translation reaches; this action asks for confirmation in Vietnamese and publishes the same way
// (the server still validates every entry and any refusal is shown as a notification).
import { unstable_useDocumentActions as useDocumentActions, useDocumentRBAC, useTable } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

type BulkActionProps = { documents: Array<{ documentId: string; status?: string }>; model: string };

export const BulkPublishAction = ({ documents, model }: BulkActionProps) => {
  const { formatMessage } = useIntl();
  const canPublish = useDocumentRBAC('BulkPublishAction', (state) => state.canPublish);
  const selectRow = useTable('BulkPublishAction', (state) => state.selectRow);
  const { publishMany, isLoading } = useDocumentActions();
  if (!canPublish || !documents.some(({ status }) => status !== 'published')) return null;

  return {
    actionType: 'publish',
    variant: 'tertiary' as const,
    label: formatMessage({ id: 'app.utils.publish', defaultMessage: 'Publish' }),
    dialog: {
      type: 'dialog' as const,
      title: formatMessage({ id: 'app.components.ConfirmDialog.title', defaultMessage: 'Confirmation' }),
      loading: isLoading,
      content: formatMessage({
        id: 'content-manager.popUpWarning.bodyMessage.contentType.publish.all',
        defaultMessage: 'Are you sure you want to publish these entries?',
      }),
      onConfirm: async () => {
        const result = await publishMany({ model, documentIds: documents.map(({ documentId }) => documentId), params: {} });
        if (!('error' in result)) selectRow([]);
      },
    },
  };
};
BulkPublishAction.type = 'publish' as const;
