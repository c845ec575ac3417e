import { Text, View } from '@tarojs/components';
import type { NoteView } from '../../../../cloudfunctions/shared/contract/clubs';
import Tag from '../../../components/tag';
import { noteFlags, pageText } from '../../../utils/club-display';
import { formatDateTime } from '../../../utils/time';
import './index.scss';

export type NoteAction = 'report' | 'pin' | 'unpin' | 'hide' | 'show';

export interface NoteItemProps {
  note: NoteView;
  canManage: boolean;
  /** Members may report others' notes; the club's organizers moderate instead. */
  canReport: boolean;
  busy: boolean;
  now: Date;
  onAction: (note: NoteView, action: NoteAction) => void;
}

export default function NoteItem({ note, canManage, canReport, busy, now, onAction }: NoteItemProps) {
  const flags = noteFlags(note, canManage);
  const page = pageText(note.page);
  const actions: { action: NoteAction; label: string }[] = canManage
    ? [
        { action: note.pinned ? 'unpin' : 'pin', label: note.pinned ? '取消置顶' : '置顶' },
        { action: note.hidden ? 'show' : 'hide', label: note.hidden ? (note.awaitingDecision ? '保留显示' : '恢复显示') : '隐藏' },
      ]
    : canReport && !note.isMine
      ? [{ action: 'report', label: note.reportedByMe ? '已举报' : '举报' }]
      : [];
  return (
    <View className={`note-item${note.hidden ? ' note-item--hidden' : ''}${note.pinned ? ' note-item--pinned' : ''}`}>
      <View className="note-item__head">
        <View className="note-item__avatar">{note.authorName.slice(0, 1)}</View>
        <View className="note-item__who">
          <Text className="note-item__author">{note.isMine ? `${note.authorName}（我）` : note.authorName}</Text>
          <Text className="note-item__meta">{`${formatDateTime(note.createdAt, now)} · 《${note.bookTitle}》`}</Text>
        </View>
      </View>
      {flags.length > 0 && (
        <View className="note-item__flags">
          {flags.map((flag) => (
            <Tag key={flag.text} text={flag.text} tone={flag.tone} solid={flag.text === '置顶'} />
          ))}
        </View>
      )}
      {note.quote && (
        <View className="note-item__quote">
          <Text className="note-item__quote-text">{note.quote}</Text>
          {page && <Text className="note-item__page">{page}</Text>}
        </View>
      )}
      <Text className="note-item__text">{note.text}</Text>
      {!note.quote && page && <Text className="note-item__page note-item__page--alone">{page}</Text>}
      {actions.length > 0 && (
        <View className="note-item__actions">
          {actions.map(({ action, label }) => {
            const disabled = busy || (action === 'report' && note.reportedByMe);
            return (
              <View
                key={action}
                className={`note-item__action note-item__action--${action}${disabled ? ' note-item__action--disabled' : ''}`}
                hoverClass={disabled ? 'none' : 'btn--pressed'}
                onClick={() => !disabled && onAction(note, action)}
              >
                {label}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}
