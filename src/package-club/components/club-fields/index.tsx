import { Input, Text, Textarea, View } from '@tarojs/components';
import { clubLimits } from '../../../../cloudfunctions/shared/contract/club-limits';
import FormField, { formInputClass } from '../../../components/form-field';
import { countText } from '../../../utils/club-display';
import type { ClubFieldProblems, ClubFieldsForm } from '../../helpers/club-fields-form';
import './index.scss';

export interface ClubFieldsProps {
  form: ClubFieldsForm;
  problems: ClubFieldProblems;
  onChange: (patch: Partial<ClubFieldsForm>) => void;
  /** Members the club has now, shown beside the cap (the server refuses a cap below it). */
  memberCount?: number;
}

/** A club's name, description and member cap, with the problems found (here or by the server) under each. */
export default function ClubFields({ form, problems, onChange, memberCount }: ClubFieldsProps) {
  const descriptionCount = countText(form.description, clubLimits.description);
  const capHint = `留空表示不限；${clubLimits.memberCap.min}–${clubLimits.memberCap.max} 人${memberCount === undefined ? '' : `，现有 ${memberCount} 人`}`;
  return (
    <View className="club-fields">
      <FormField label="名称" error={problems.name}>
        <Input
          className={`${formInputClass} club-fields__name`}
          value={form.name}
          maxlength={clubLimits.clubName}
          placeholder="如：陆家嘴读书会"
          onInput={(event) => onChange({ name: event.detail.value })}
        />
      </FormField>
      <View className={`club-fields__stacked${problems.description ? ' club-fields__stacked--invalid' : ''}`}>
        <Text className="club-fields__label">简介</Text>
        <Textarea
          className="club-fields__description"
          value={form.description}
          maxlength={-1}
          autoHeight
          placeholder="选填：读什么、适合谁、多久聚一次"
          onInput={(event) => onChange({ description: event.detail.value })}
        />
        <Text className={`club-fields__count${descriptionCount.over ? ' club-fields__count--over' : ''}`}>{descriptionCount.text}</Text>
        {problems.description && <Text className="club-fields__error">{problems.description}</Text>}
      </View>
      <FormField label="人数上限" error={problems.memberCap} hint={capHint}>
        <Input
          className={`${formInputClass} club-fields__cap`}
          type="number"
          value={form.memberCap}
          placeholder="不限"
          onInput={(event) => onChange({ memberCap: event.detail.value })}
        />
      </FormField>
    </View>
  );
}
