import { Text, View } from '@tarojs/components';
import type { PagedList } from '../../hooks/use-paged-list';
import './index.scss';

export interface ListFooterProps {
  list: Pick<PagedList<unknown>, 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore'>;
  /** What the end of the list says, e.g. "没有更多笔记了". */
  endText: string;
}

/** Under a paged list: load more, retry a failed page, or the end. */
export default function ListFooter({ list, endText }: ListFooterProps) {
  return (
    <View className="list-footer">
      {list.moreError ? (
        <View className="list-footer__error">
          <Text>{list.moreError.message}</Text>
          <View className="btn btn--ghost list-footer__more" hoverClass="btn--pressed" onClick={() => void list.loadMore()}>
            重试
          </View>
        </View>
      ) : list.hasMore ? (
        <View className="btn btn--plain list-footer__more" hoverClass="btn--pressed" onClick={() => void list.loadMore()}>
          {list.loadingMore ? '加载中…' : '加载更多'}
        </View>
      ) : (
        <Text className="list-footer__end">{endText}</Text>
      )}
    </View>
  );
}
