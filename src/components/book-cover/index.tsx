import { Image, Text, View } from '@tarojs/components';
import './index.scss';

export interface BookCoverProps {
  title: string;
  coverUrl: string | null;
  size?: 'small' | 'large';
}

/** The book's cover photo, or a drawn book with its title on it when the club gave no photo. */
export default function BookCover({ title, coverUrl, size = 'small' }: BookCoverProps) {
  if (coverUrl) {
    return <Image className={`book-cover book-cover--${size}`} src={coverUrl} mode="aspectFill" lazyLoad />;
  }
  return (
    <View className={`book-cover book-cover--${size} book-cover--drawn`}>
      <View className="book-cover__spine" />
      <Text className="book-cover__title">{title || '待定'}</Text>
      <View className="book-cover__rule" />
    </View>
  );
}
