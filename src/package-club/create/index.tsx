import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import LoadingSkeleton from '../../components/loading-skeleton';
import { useOrganizerAccess } from '../../hooks/use-organizer-access';
import { leavingPage, useSubmitting } from '../../hooks/use-submitting';
import { call } from '../../services/api';
import type { ManagedOrg } from '../../utils/managed-orgs';
import { newRequestId } from '../../utils/request-id';
import ClubFields from '../components/club-fields';
import ClubSection from '../components/club-section';
import { clubManageUrl } from '../helpers/club-links';
import { useClubFieldsForm } from '../helpers/use-club-fields-form';
import './index.scss';

function CreateForm({ orgs }: { orgs: ManagedOrg[] }) {
  const [orgId, setOrgId] = useState(orgs[0].id);
  const basics = useClubFieldsForm(null);
  const [busy, submit] = useSubmitting();
  // One per form: a create retried after a lost answer makes the same club, not a second one.
  const [requestId] = useState(() => newRequestId());

  const create = () => {
    const fields = basics.checked();
    if (!fields) return;
    void submit(async () => {
      try {
        const club = await call('clubs', 'create', { orgId, requestId, ...fields });
        // The new club is managed next; back from there should not land on an emptied form.
        void Taro.redirectTo({ url: clubManageUrl(club.id) });
        return leavingPage;
      } catch (failure) {
        await basics.refused(failure);
      }
    });
  };

  return (
    <View className="club-create">
      <ClubSection title="所属组织" note={orgs.length > 1 ? '由该组织的组织者管理' : undefined}>
        {orgs.map((org) => (
          <View
            key={org.id}
            className={`club-create__org club-create__org--depth-${Math.min(org.depth, 3)}${org.id === orgId ? ' club-create__org--active' : ''}`}
            onClick={() => setOrgId(org.id)}
          >
            <Text className="club-create__org-name">{org.name}</Text>
            <View className="club-create__org-mark">{org.id === orgId ? '✓' : ''}</View>
          </View>
        ))}
      </ClubSection>
      <ClubSection title="基本信息" note="创建后可设置书目和共读安排">
        <ClubFields form={basics.form} problems={basics.problems} onChange={basics.edit} />
      </ClubSection>
      <View className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} club-create__submit`} hoverClass="btn--pressed" onClick={() => !busy && create()}>
        {busy ? '创建中…' : '创建读书会'}
      </View>
    </View>
  );
}

export default function ClubCreatePage() {
  const access = useOrganizerAccess();

  if (!access.data) {
    return (
      <View className="page">
        {access.error ? <ErrorState message={access.error.message} onRetry={() => void access.reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }
  if (access.data.hostOrgs.length === 0) {
    return (
      <View className="page">
        <EmptyState mark="组" title="你还不是任何组织的组织者" hint="读书会由组织创建和管理；请联系所在联谊会的管理员设为组织者。" />
      </View>
    );
  }
  return <CreateForm orgs={access.data.hostOrgs} />;
}
