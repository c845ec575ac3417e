import { Text } from '@tarojs/components';
import type { Tone } from '../../utils/event-display';
import './index.scss';

export interface TagProps {
  text: string;
  tone?: Tone;
  /** Filled tags mark the one thing to notice on a card; the rest are outlined. */
  solid?: boolean;
}

export default function Tag({ text, tone = 'brand', solid = false }: TagProps) {
  return <Text className={`tag tag--${tone}${solid ? ' tag--solid' : ''}`}>{text}</Text>;
}
