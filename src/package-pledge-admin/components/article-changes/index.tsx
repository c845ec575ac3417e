import { Text, View } from '@tarojs/components';
import type { ArticleChange } from '../../../../cloudfunctions/shared/contract/pledge';
import Tag from '../../../components/tag';
import { changeLabels } from '../../helpers/pledge-admin-display';
import './index.scss';

export interface ArticleChangesProps {
  changes: ArticleChange[];
}

/** Article by article: what a previous signer will be shown before signing again. */
export default function ArticleChanges({ changes }: ArticleChangesProps) {
  return (
    <View className="article-changes">
      {changes.map((change) => {
        const label = changeLabels[change.change];
        return (
          <View key={`${change.change}-${change.no}`} className="article-changes__item">
            <View className="article-changes__head">
              <Tag text={label.text} tone={label.tone} solid />
              <Text className="article-changes__no">第{change.no}条</Text>
            </View>
            {change.before && (
              <View className="article-changes__text article-changes__text--before">
                <Text className="article-changes__side">原文</Text>
                <Text className="article-changes__title">{change.before.title}</Text>
                <Text className="article-changes__body">{change.before.body}</Text>
              </View>
            )}
            {change.after && (
              <View className="article-changes__text article-changes__text--after">
                <Text className="article-changes__side">{change.change === 'added' ? '新增' : '修改为'}</Text>
                <Text className="article-changes__title">{change.after.title}</Text>
                <Text className="article-changes__body">{change.after.body}</Text>
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
