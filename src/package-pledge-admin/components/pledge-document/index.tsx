import { Text, View } from '@tarojs/components';
import type { PledgeArticle } from '../../../../cloudfunctions/shared/contract/pledge';
import './index.scss';

export interface PledgeDocumentProps {
  title: string;
  /** "第 3 版 · 发布后生效" or the published date: the line under the title. */
  subtitle: string;
  preamble: string;
  articles: PledgeArticle[];
}

/** The pledge text laid out as members read it before signing. */
export default function PledgeDocument({ title, subtitle, preamble, articles }: PledgeDocumentProps) {
  return (
    <View className="pledge-document">
      <Text className="pledge-document__title">{title}</Text>
      <Text className="pledge-document__subtitle">{subtitle}</Text>
      {preamble && <Text className="pledge-document__preamble">{preamble}</Text>}
      {articles.map((article) => (
        <View key={article.no} className="pledge-document__article">
          <Text className="pledge-document__article-title">{`第${article.no}条\u3000${article.title}`}</Text>
          <Text className="pledge-document__article-body">{article.body}</Text>
        </View>
      ))}
    </View>
  );
}
