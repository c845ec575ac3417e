import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArticleChange } from '../../../cloudfunctions/shared/contract/pledge';
import EmptyState from '../../components/empty-state';
import ErrorState from '../../components/error-state';
import ListRow from '../../components/list-row';
import LoadingSkeleton from '../../components/loading-skeleton';
import Tag from '../../components/tag';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { formatFullDateTime } from '../../utils/time';
import { articleChangeLabels, articleNumber, canManagePledge, myPledgeStatus, signAction } from './pledge-status';
import './index.scss';

const endMarkerId = 'pledge-text-end';

function ChangeItem({ change }: { change: ArticleChange }) {
  const no = articleNumber(change.no);
  return (
    <View className={`pledge__change pledge__change--${change.change}`}>
      <View className="pledge__change-head">
        <Text className="pledge__change-kind">{articleChangeLabels[change.change]}</Text>
        <Text className="pledge__change-title">
          {no} {(change.after ?? change.before)?.title}
        </Text>
      </View>
      {change.before && (
        <View className="pledge__change-text">
          <Text className="pledge__change-label">{change.change === 'removed' ? '原文' : '修改前'}</Text>
          <Text className="pledge__change-before">{change.before.body}</Text>
        </View>
      )}
      {change.after && (
        <View className="pledge__change-text">
          <Text className="pledge__change-label">{change.change === 'added' ? '新增' : '修改后'}</Text>
          <Text className="pledge__change-after">{change.after.body}</Text>
        </View>
      )}
    </View>
  );
}

export default function PledgePage() {
  const load = useCallback(async () => {
    const [current, me] = await Promise.all([call('pledge', 'current', {}), call('members', 'me', {})]);
    return { current, me };
  }, []);
  const remote = useRemote(load);
  const { reload } = remote;
  const [readToEnd, setReadToEnd] = useState(false);
  const page = useRef(Taro.getCurrentInstance().page);

  // The first show is covered by the initial load; coming back from the sign page shows the new status.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });
  usePullDownRefresh(async () => {
    await reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => setReadToEnd(true));

  const hasText = Boolean(remote.data?.current.pledge);
  // A marker after the last article: reaching it means the whole text passed by, however tall the screen is.
  useEffect(() => {
    if (!hasText || readToEnd || !page.current) return;
    const observer = Taro.createIntersectionObserver(page.current, { thresholds: [0] });
    observer.relativeToViewport({ bottom: 0 }).observe(`#${endMarkerId}`, (result) => {
      if ((result.intersectionRatio ?? 0) > 0) setReadToEnd(true);
    });
    return () => observer.disconnect();
  }, [hasText, readToEnd]);

  if (!remote.data) {
    return (
      <View className="page">
        {remote.error ? <ErrorState message={remote.error.message} onRetry={() => void reload()} /> : <LoadingSkeleton cards={2} />}
      </View>
    );
  }

  const { current, me } = remote.data;
  const pledge = current.pledge;
  const links = (
    <View className="pledge__links">
      <ListRow title="我的签署记录" onClick={() => void Taro.navigateTo({ url: '/package-pledge/my-signatures/index' })} />
      <ListRow title="验证证书" note="扫码或输入编号" onClick={() => void Taro.navigateTo({ url: '/package-pledge/verify/index' })} />
      {canManagePledge(me.roles) && (
        <ListRow title="公约管理" note="版本发布 · 签署统计" onClick={() => void Taro.navigateTo({ url: '/package-pledge-admin/index/index' })} />
      )}
    </View>
  );

  if (!pledge) {
    return (
      <View className="page">
        <EmptyState mark="约" title="公约尚未发布" hint="联谊会发布《新媒体从业人员自律公约》后，可在这里阅读并签署。" />
        {links}
      </View>
    );
  }

  const my = current.my;
  const status = myPledgeStatus(my);
  const needsProfile = me.profile === null;
  const action = needsProfile && my?.state !== 'signed' ? { text: '完善资料后签署', enabled: true } : signAction(my, readToEnd);

  const onAction = () => {
    if (!action.enabled) return;
    if (my?.state === 'signed' && my.signature) {
      void Taro.navigateTo({ url: `/package-pledge/certificate/index?serial=${my.signature.serial}` });
    } else if (needsProfile) {
      void Taro.navigateTo({ url: '/package-me/profile/index' });
    } else {
      void Taro.navigateTo({ url: `/package-pledge/sign/index?versionId=${pledge.id}` });
    }
  };

  return (
    <View className="pledge">
      <View className="pledge__header">
        <Text className="pledge__title">{pledge.title}</Text>
        <View className="pledge__meta">
          <Text>第 {pledge.version} 版</Text>
          {pledge.publishedAt && <Text>发布于 {formatFullDateTime(pledge.publishedAt).slice(0, 10)}</Text>}
        </View>
        <View className="pledge__facts">
          <View className="pledge__count">
            <Text className="pledge__count-number">{current.signatureCount}</Text>
            <Text className="pledge__count-label">人已签署</Text>
          </View>
          {status && (
            <View className="pledge__status">
              <Text className="pledge__status-label">我的状态</Text>
              <Tag text={status.text} tone={status.tone} />
            </View>
          )}
        </View>
      </View>

      {needsProfile && (
        <View className="pledge__notice">
          <Text className="pledge__notice-text">签署公约需要先完善个人资料（姓名、界别、工作单位）。</Text>
          <View className="btn btn--ghost pledge__notice-action" hoverClass="btn--pressed" onClick={() => void Taro.navigateTo({ url: '/package-me/profile/index' })}>
            完善资料
          </View>
        </View>
      )}

      {my?.state === 'outdated' && my.changes.length > 0 && (
        <View className="pledge__changes">
          <Text className="pledge__section-heading">第 {pledge.version} 版更新内容</Text>
          <Text className="pledge__changes-hint">
            你签署的是第 {my.signature?.version} 版。{pledge.changeNote || '以下条款有变化，请阅读后重新签署。'}
          </Text>
          {my.changes.map((change) => (
            <ChangeItem key={`${change.change}-${change.no}`} change={change} />
          ))}
        </View>
      )}

      <View className="pledge__text">
        {pledge.preamble && <Text className="pledge__preamble">{pledge.preamble}</Text>}
        {pledge.articles.map((article) => (
          <View key={article.no} className="pledge__article">
            <Text className="pledge__article-title">
              {articleNumber(article.no)} {article.title}
            </Text>
            <Text className="pledge__article-body">{article.body}</Text>
          </View>
        ))}
        <View id={endMarkerId} className="pledge__end">
          — 全文完 —
        </View>
      </View>

      {links}

      <View className="pledge__bar">
        {!action.enabled && <Text className="pledge__bar-hint">请向下滑动，阅读完全文后即可签署</Text>}
        <View
          className={`btn ${action.enabled ? 'btn--primary' : 'btn--disabled'} pledge__sign`}
          hoverClass={action.enabled ? 'btn--pressed' : 'none'}
          aria-disabled={!action.enabled}
          onClick={onAction}
        >
          {action.text}
        </View>
      </View>
    </View>
  );
}
