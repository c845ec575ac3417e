import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Tone } from '../../../utils/event-display';
import './index.scss';

export interface OutcomeAction {
  text: string;
  primary?: boolean;
  onClick: () => void;
}

export interface OutcomePanelProps {
  /** One character in the round badge: ✓ for success, ! for a refusal, and so on. */
  mark: string;
  tone: Tone;
  title: string;
  hint: string;
  /** Extra lines between the hint and the buttons (the event, an invite code). */
  children?: ReactNode;
  actions: OutcomeAction[];
}

/** A full-width answer to a submitted form: what happened, what comes next, where to go. */
export default function OutcomePanel({ mark, tone, title, hint, children, actions }: OutcomePanelProps) {
  return (
    <View className={`outcome-panel outcome-panel--${tone}`}>
      <View className="outcome-panel__mark">{mark}</View>
      <Text className="outcome-panel__title">{title}</Text>
      <Text className="outcome-panel__hint">{hint}</Text>
      {children}
      <View className="outcome-panel__actions">
        {actions.map((action) => (
          <View
            key={action.text}
            className={`btn ${action.primary ? 'btn--primary' : 'btn--ghost'} outcome-panel__action`}
            hoverClass="btn--pressed"
            onClick={action.onClick}
          >
            {action.text}
          </View>
        ))}
      </View>
    </View>
  );
}
