import { View } from '@tarojs/components';
import EmptyState from '../../../components/empty-state';
import ErrorState from '../../../components/error-state';
import LoadingSkeleton from '../../../components/loading-skeleton';
import type { Remote } from '../../../hooks/use-remote';
import type { Refusal } from '../../helpers/refusal';

export interface PagePlaceholderProps {
  remote: Remote<unknown>;
  /** Words for a failure that is a refusal (not staff, no such event) rather than something to retry. */
  refusalOf: (code: string) => Refusal | null;
  mark: string;
  cards: number;
}

/** A check-in page before its data: the refusal in words, the failure with a retry, or the page loading. */
export default function PagePlaceholder({ remote, refusalOf, mark, cards }: PagePlaceholderProps) {
  const refusal = remote.error && refusalOf(remote.error.code);
  return (
    <View className="page">
      {refusal ? (
        <EmptyState mark={mark} title={refusal.title} hint={refusal.hint} />
      ) : remote.error ? (
        <ErrorState message={remote.error.message} onRetry={() => void remote.reload()} />
      ) : (
        <LoadingSkeleton cards={cards} />
      )}
    </View>
  );
}
