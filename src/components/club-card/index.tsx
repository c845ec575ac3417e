import { Text, View } from '@tarojs/components';
import type { ClubSummary } from '../../../cloudfunctions/shared/contract/clubs';
import { memberCountText } from '../../utils/club-display';
import { formatEventTime } from '../../utils/time';
import BookCover from '../book-cover';
import Tag from '../tag';
import './index.scss';

export interface ClubCardProps {
  club: ClubSummary;
  now: Date;
  onOpen: (clubId: string) => void;
}

export default function ClubCard({ club, now, onOpen }: ClubCardProps) {
  const book = club.currentBook;
  const full = club.memberCap !== null && club.memberCount >= club.memberCap && !club.joined;
  return (
    <View className="club-card" hoverClass="club-card--pressed" onClick={() => onOpen(club.id)}>
      <View className="club-card__head">
        <Text className="club-card__name">{club.name}</Text>
        {club.joined ? <Tag text="已加入" tone="success" solid /> : full ? <Tag text="已满员" tone="muted" /> : null}
      </View>
      <Text className="club-card__org">{club.orgName}</Text>
      <View className="club-card__body">
        <BookCover title={book?.title ?? ''} coverUrl={book?.coverUrl ?? null} />
        <View className="club-card__book">
          <Text className="club-card__label">正在共读</Text>
          {book ? (
            <>
              <Text className="club-card__title">《{book.title}》</Text>
              {book.author && <Text className="club-card__author">{book.author}</Text>}
            </>
          ) : (
            <Text className="club-card__none">书目待定</Text>
          )}
          <Text className="club-card__members">{memberCountText(club.memberCount, club.memberCap)}</Text>
        </View>
      </View>
      <View className="club-card__footer">
        <Text className="club-card__next-label">下次共读</Text>
        <Text className="club-card__next">
          {club.nextSession ? formatEventTime(club.nextSession.startAt, club.nextSession.endAt, now) : '暂未安排'}
        </Text>
        <Text className="club-card__more">›</Text>
      </View>
    </View>
  );
}
