// Approve and reject reader comments in one click: from a comment's edit view and, for many at
// once, from the list. Both save through the admin's own update, so permissions, validation,
// the "saved" notification, the list refresh and the rebuild webhook work as for a form save.
import { unstable_useDocumentActions as useDocumentActions, useTable } from '@strapi/strapi/admin';
import { MODERATION_LABELS } from './choices';

const COMMENT = 'api::comment.comment';
type State = 'approved' | 'rejected';

const ACTION_LABELS: Record<State, string> = { approved: 'Duyệt', rejected: 'Từ chối' };

type DocumentActionProps = { model: string; collectionType: string; documentId?: string; document?: { moderation?: string } };
type BulkActionProps = { model: string; collectionType: string; documents: { documentId: string }[] };

const documentAction = (state: State) => {
  const Action = ({ model, collectionType, documentId, document }: DocumentActionProps) => {
    const { update } = useDocumentActions();
    if (model !== COMMENT || !documentId) return null;
    return {
      label: ACTION_LABELS[state],
      variant: state === 'approved' ? 'success' : 'danger-light',
      disabled: document?.moderation === state,
      position: 'panel',
      onClick: async () => {
        await update({ model, collectionType, documentId }, { moderation: state });
      },
    };
  };
  Action.type = `moderation-${state}`;
  return Action;
};

const bulkAction = (state: State) => {
  const Action = ({ model, collectionType, documents }: BulkActionProps) => {
    const { update } = useDocumentActions();
    const selectRow = useTable('ModerationBulkAction', (table) => table.selectRow);
    if (model !== COMMENT) return null;
    return {
      label: ACTION_LABELS[state],
      variant: state === 'approved' ? 'success' : 'danger-light',
      dialog: {
        type: 'dialog',
        title: 'Xác nhận',
        content: `Đặt ${documents.length} ý kiến đã chọn thành "${MODERATION_LABELS[state]}"?`,
        onConfirm: async () => {
          for (const { documentId } of documents) await update({ model, collectionType, documentId }, { moderation: state });
          selectRow([]);
        },
      },
    };
  };
  Action.type = `moderation-bulk-${state}`;
  return Action;
};

export const moderationDocumentActions = [documentAction('approved'), documentAction('rejected')];
export const moderationBulkActions = [bulkAction('approved'), bulkAction('rejected')];
