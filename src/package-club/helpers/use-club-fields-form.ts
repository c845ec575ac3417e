import { useState } from 'react';
import type { ClubSummary } from '../../../cloudfunctions/shared/contract/clubs';
import { toApiError } from '../../services/api';
import { type ClubFieldProblems, type ClubFields, type ClubFieldsForm, clubFieldOf, clubFieldsFormFrom, toClubFields } from './club-fields-form';
import { explainFailure } from './toast';

/** The state of a club's basics form (create or edit): what is typed, and the problems shown under each field. */
export function useClubFieldsForm(club: Pick<ClubSummary, 'name' | 'description' | 'memberCap'> | null) {
  const [form, setForm] = useState<ClubFieldsForm>(() => clubFieldsFormFrom(club));
  const [problems, setProblems] = useState<ClubFieldProblems>({});

  const edit = (patch: Partial<ClubFieldsForm>) => {
    setForm((typed) => ({ ...typed, ...patch }));
    setProblems({});
  };

  /** The action's fields, or null once the problems are shown. */
  const checked = (): ClubFields | null => {
    const check = toClubFields(form);
    if (!check.fields) setProblems(check.problems);
    return check.fields;
  };

  /** A refusal naming one of these fields (such as a cap below the members there are) shows under it; others explain. */
  const refused = async (failure: unknown) => {
    const error = toApiError(failure);
    const field = error.code === 'VALIDATION_FAILED' ? clubFieldOf(error.field) : null;
    if (field) setProblems({ [field]: error.message });
    else await explainFailure(failure);
  };

  return { form, problems, edit, checked, refused };
}
