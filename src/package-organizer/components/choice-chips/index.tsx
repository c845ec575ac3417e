import { View } from '@tarojs/components';
import './index.scss';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceChipsProps<T extends string> {
  options: ChoiceOption<T>[];
  value: T;
  onChange: (value: T) => void;
  /** Smaller chips, for choices inside a question card. */
  compact?: boolean;
}

/** One choice out of a few, all visible at once (event kind, waiting-list mode, question kind). */
export default function ChoiceChips<T extends string>({ options, value, onChange, compact = false }: ChoiceChipsProps<T>) {
  return (
    <View className={`choice-chips${compact ? ' choice-chips--compact' : ''}`}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`choice-chips__chip${option.value === value ? ' choice-chips__chip--active' : ''}`}
          hoverClass="btn--pressed"
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
