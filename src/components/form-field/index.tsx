import { Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { sectorLabels, sectors, type Sector } from '../../../cloudfunctions/shared/contract/vocabulary';
import './index.scss';

export interface FormFieldProps {
  label: string;
  error?: string;
  /** Shown under the field when there is no error. */
  hint?: string;
  children: ReactNode;
}

/** One labelled row of a form card; an error replaces the hint and turns the label red. */
export default function FormField({ label, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--invalid' : ''}`}>
      <View className="form-field__row">
        <Text className="form-field__label">{label}</Text>
        <View className="form-field__control">{children}</View>
      </View>
      {error ? <Text className="form-field__error">{error}</Text> : hint ? <Text className="form-field__hint">{hint}</Text> : null}
    </View>
  );
}

/** The class an Input inside a FormField takes, so it fills the row on both platforms. */
export const formInputClass = 'form-field__input';

export interface SectorPickerProps {
  value: Sector | '';
  onChange: (sector: Sector) => void;
}

/** The 界别 choice, shared by the profile and the pledge's signer form. */
export function SectorPicker({ value, onChange }: SectorPickerProps) {
  return (
    <Picker
      mode="selector"
      range={sectors.map((sector) => sectorLabels[sector])}
      value={value === '' ? 0 : sectors.indexOf(value)}
      onChange={(event) => onChange(sectors[Number(event.detail.value)])}
    >
      <View className={`form-field__picker${value === '' ? ' form-field__picker--empty' : ''}`}>
        <Text>{value === '' ? '请选择界别' : sectorLabels[value]}</Text>
        <Text className="form-field__caret">›</Text>
      </View>
    </Picker>
  );
}
