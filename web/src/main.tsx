import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { historyEventLabel } from '#shared/domain/labels';
import { type Role, roleLabels, searchRoles } from '#shared/domain/roles';
import { units } from '#shared/domain/units';
import {
  ApiError,
  api,
  type FieldError,
  formatDate,
  formatDateTime,
  getConfig,
  getToken,
  openFile,
  setConfig,
  setToken,
} from './api';
import { claimsOf, resumeHostedSession, signInProblem, signOut, startHostedSignIn } from './auth';
import { useGet } from './hooks';
import { Indicators } from './indicators';
import { stageLabels, timeline } from './labels';
import { type JsonSchema, prune, SchemaFields, validate } from './schema-form';

// biome-ignore lint/suspicious/noExplicitAny: API payloads are shown field by field.
type Any = any;

const unitName = (id: string) => units.get(id)?.name ?? id;
const roleName = (role: string) => (roleLabels as Record<string, string>)[role] ?? role;

function useRoute(): string {
  const [hash, setHash] = useState(location.hash || '#/');
  useEffect(() => {
    const onChange = () => setHash(location.hash || '#/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return hash.slice(1);
}

function SignIn() {
  const users = useGet<Any[]>(getConfig().mode === 'local' ? '/local/users' : undefined);
  if (getConfig().mode === 'aws') {
    return (
      <main class="narrow">
        <h1>Đăng nhập</h1>
        {signInProblem() && (
          <p class="error" role="alert">
            {signInProblem()}
          </p>
        )}
        <button type="button" onClick={() => startHostedSignIn(getConfig())}>
          Đăng nhập bằng tài khoản cơ quan
        </button>
      </main>
    );
  }
  const signIn = async (userId: string) => {
    const result = await api<{ token: string }>('POST', '/local/sign-in', { userId });
    setToken(result.token);
    location.hash = '#/';
    location.reload();
  };
  return (
    <main class="narrow">
      <h1>Đăng nhập (chạy cục bộ)</h1>
      <p>Chọn một người dùng mẫu:</p>
      <ul class="users">
        {users.data?.map((u) => (
          <li key={u.userId}>
            <button type="button" data-user={u.userId} onClick={() => signIn(u.userId)}>
              <strong>{u.name}</strong> — {u.roleLabel}, {u.unitName}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}

function ClockControl() {
  const clock = useGet<{ now: string }>('/local/clock');
  const move = async (days: number) => {
    await api('POST', '/local/clock', { days });
    location.reload();
  };
  return (
    <section class="clock" aria-label="Đồng hồ cục bộ">
      <span>Hôm nay: {formatDate(clock.data?.now)}</span>
      <button type="button" onClick={() => move(1)}>
        +1 ngày
      </button>
      <button type="button" onClick={() => move(7)}>
        +7 ngày
      </button>
      <button type="button" onClick={() => move(30)}>
        +1 tháng
      </button>
      <button type="button" onClick={() => move(365)}>
        +12 tháng
      </button>
    </section>
  );
}

function Header(props: { claims: Record<string, unknown> }) {
  const role = ((props.claims['cognito:groups'] as string[]) ?? [])[0] ?? '';
  const unit = String(props.claims['custom:unit'] ?? '');
  return (
    <header>
      <nav aria-label="Chính">
        <a href="#/">Việc của tôi</a>
        <a href="#/cases">Hồ sơ</a>
        {role === 'police' && <a href="#/new">Lập hồ sơ mới</a>}
        <a href="#/indicators">Chỉ tiêu</a>
      </nav>
      <div class="me">
        <strong data-testid="me-name">{String(props.claims.name ?? props.claims.sub)}</strong>
        <span>
          {roleName(role)} · {unitName(unit)}
        </span>
        <button type="button" onClick={() => signOut(getConfig())}>
          Đăng xuất
        </button>
      </div>
      {getConfig().mode === 'local' && <ClockControl />}
    </header>
  );
}

function Inbox() {
  const tasks = useGet<Any>('/me/tasks');
  if (tasks.missing) return <p>Danh sách việc chưa có trên máy chủ này.</p>;
  if (tasks.loading && !tasks.data) return <p>Đang tải…</p>;
  if (tasks.error) return <p class="error">{tasks.error}</p>;
  const items: Any[] = tasks.data?.items ?? [];
  return (
    <section>
      <h1>Việc của tôi</h1>
      <p>
        {items.length} việc đang chờ
        {tasks.data?.overdueCount ? (
          <strong class="overdue"> · {tasks.data.overdueCount} quá hạn</strong>
        ) : null}
      </p>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">Hạn</th>
            <th scope="col">Việc</th>
            <th scope="col">Người bị đề nghị</th>
            <th scope="col">Số định danh</th>
            <th scope="col">Giai đoạn</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={t.taskId} class={t.overdue ? 'overdue' : ''}>
              <td>
                {formatDate(t.dueOn)} {t.overdue && <span class="badge">Quá hạn</span>}
              </td>
              <td>
                <a href={`#/cases/${t.caseId}`}>{t.label}</a>
              </td>
              <td>{t.person?.fullName}</td>
              <td>{t.person?.citizenId}</td>
              <td>{(stageLabels as Record<string, string>)[t.stage] ?? t.stage}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p>Không có việc nào đang chờ.</p>}
    </section>
  );
}

/** A search term the API accepts: a 12-digit citizen ID, or at least two letters of a name. */
const searchable = (q: string) => /^\d{12}$/.test(q) || (!/\d/.test(q) && q.replace(/\s/g, '').length >= 2);

function CaseList(props: { claims: Record<string, unknown> }) {
  const role = ((props.claims['cognito:groups'] as string[]) ?? [])[0] ?? '';
  const [filters, setFilters] = useState({ stage: '', unit: '', overdue: false });
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Search once the officer pauses typing, and only for a term the API can answer.
  useEffect(() => {
    const term = typed.trim();
    const timer = setTimeout(() => setQ(searchable(term) ? term : ''), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = new URLSearchParams();
  if (filters.stage) query.set('stage', filters.stage);
  if (filters.unit) query.set('unit', filters.unit);
  if (filters.overdue) query.set('overdue', 'true');
  if (q) query.set('q', q);
  const cases = useGet<Any>(`/cases?${query}`);
  const items: Any[] = cases.data?.items ?? [];
  const term = typed.trim();
  return (
    <section>
      <h1>Hồ sơ</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        {searchRoles.includes(role as Role) && (
          <label>
            Tìm theo họ tên hoặc số định danh
            <input
              type="search"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
              aria-describedby="search-hint"
            />
            <small id="search-hint" class="hint">
              {term && !searchable(term)
                ? 'Nhập ít nhất 2 chữ cái của họ tên, hoặc đủ 12 chữ số định danh.'
                : 'Không phân biệt dấu, chữ hoa, chữ thường.'}
            </small>
          </label>
        )}
        <label>
          Giai đoạn
          <select
            value={filters.stage}
            onChange={(e) => setFilters({ ...filters, stage: e.currentTarget.value })}
          >
            <option value="">Tất cả</option>
            {Object.entries(stageLabels).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label>
          Đơn vị
          <select
            value={filters.unit}
            onChange={(e) => setFilters({ ...filters, unit: e.currentTarget.value })}
          >
            <option value="">Đơn vị của tôi</option>
            {[...units.values()].map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={filters.overdue}
            onChange={(e) => setFilters({ ...filters, overdue: e.currentTarget.checked })}
          />
          Chỉ hồ sơ quá hạn
        </label>
      </form>
      {cases.error && (
        <p class="error" role="alert">
          {cases.error}
        </p>
      )}
      <table class="list" data-testid="cases">
        <thead>
          <tr>
            <th scope="col">Họ và tên</th>
            <th scope="col">Số định danh</th>
            <th scope="col">Giai đoạn</th>
            <th scope="col">Hạn tiếp theo</th>
            <th scope="col">Mở ngày</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c: Any) => (
            <tr key={c.caseId} class={c.overdue ? 'overdue' : ''}>
              <td>
                <a href={`#/cases/${c.caseId}`}>{c.person?.fullName ?? c.caseId}</a>
              </td>
              <td>{c.person?.citizenId}</td>
              <td>{(stageLabels as Record<string, string>)[c.stage] ?? c.stage}</td>
              <td>
                {formatDate(c.nextDueOn)} {c.overdue && <span class="badge">Quá hạn</span>}
              </td>
              <td>{formatDate(c.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {cases.data && items.length === 0 && <p>Không có hồ sơ nào phù hợp.</p>}
    </section>
  );
}

function Timeline(props: { stage: string }) {
  const current = timeline.findIndex((t) => (t.stage as string[]).includes(props.stage));
  return (
    <ol class="timeline" aria-label="Tiến trình hồ sơ">
      {timeline.map((t, i) => (
        <li
          key={t.label}
          class={i < current ? 'done' : i === current ? 'current' : 'todo'}
          aria-current={i === current ? 'step' : undefined}
        >
          {t.label}
        </li>
      ))}
    </ol>
  );
}

function TaskForm(props: { caseId: string; version: number; task: Any; onDone: (message: string) => void }) {
  const { task } = props;
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');
  const schema = task.inputSchema as JsonSchema;
  const submit = async (e: Event) => {
    e.preventDefault();
    const input = (prune(value) ?? {}) as Record<string, unknown>;
    const local = validate(schema, input);
    setErrors(local);
    if (local.length > 0) return setMessage('Vui lòng sửa các trường được đánh dấu.');
    try {
      await api('POST', `/cases/${props.caseId}/actions/${task.action}`, {
        expectedVersion: props.version,
        input,
      });
      props.onDone(`Đã ghi nhận: ${task.label}.`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        props.onDone('Hồ sơ vừa được người khác cập nhật; trang đã tải lại trạng thái mới nhất.');
      } else if (error instanceof ApiError) {
        setErrors(error.errors);
        setMessage(error.detail);
      }
    }
  };
  return (
    <form class="task-form" onSubmit={submit} aria-label={task.label}>
      <SchemaFields
        schema={schema}
        value={value}
        onChange={setValue}
        errors={errors}
        idPrefix={task.action}
      />
      {message && (
        <p class="error" role="alert">
          {message}
        </p>
      )}
      <button type="submit">Ghi nhận</button>
    </form>
  );
}

function CasePage(props: { caseId: string; claims: Record<string, unknown> }) {
  const [tick, setTick] = useState(0);
  const [notice, setNotice] = useState('');
  const view = useGet<Any>(`/cases/${props.caseId}`, [tick]);
  const history = useGet<Any>(`/cases/${props.caseId}/history`, [tick]);
  const documents = useGet<Any>(`/cases/${props.caseId}/documents`, [tick]);
  const role = ((props.claims['cognito:groups'] as string[]) ?? [])[0];
  const isAuditor = role === 'auditor' || role === 'admin';
  const verify = useGet<Any>(isAuditor ? `/cases/${props.caseId}/history/verify` : undefined, [tick]);
  const reads = useGet<Any>(isAuditor ? `/cases/${props.caseId}/reads` : undefined, [tick]);
  const [open, setOpen] = useState<string | undefined>();
  const [showEngine, setShowEngine] = useState(false);
  // Between two steps the workflow opens the next task a moment later: look again until it shows.
  useEffect(() => {
    const waiting = view.data && view.data.stage !== 'CLOSED' && (view.data.pendingTasks ?? []).length === 0;
    if (!waiting || tick > 20) return;
    const timer = setTimeout(() => setTick((t) => t + 1), 1000);
    return () => clearTimeout(timer);
  }, [view.data, tick]);
  if (view.error && !view.data) return <p class="error">{view.error}</p>;
  const c = view.data;
  if (!c) return <p>Đang tải…</p>;
  const person = c.file?.person ?? {};
  const done = (message: string) => {
    setNotice(message);
    setOpen(undefined);
    // The workflow moves on asynchronously: look again shortly.
    setTick((t) => t + 1);
    setTimeout(() => setTick((t) => t + 1), 800);
  };
  const timelineEntries: Any[] = (history.data?.timeline ?? []).filter(
    (e: Any) => showEngine || e.source === 'case',
  );
  return (
    <section>
      <h1>{person.fullName ?? c.caseId}</h1>
      <dl class="summary">
        <dt>Số định danh</dt>
        <dd>{person.citizenId}</dd>
        <dt>Ngày sinh</dt>
        <dd>{formatDate(person.dateOfBirth)}</dd>
        <dt>Giai đoạn</dt>
        <dd data-testid="stage">{(stageLabels as Record<string, string>)[c.stage] ?? c.stage}</dd>
        <dt>Mở hồ sơ</dt>
        <dd>{formatDate(c.openedAt)}</dd>
      </dl>
      <Timeline stage={c.stage} />
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <h2>Đang chờ</h2>
      {c.pendingTasks.length === 0 && <p>Không có việc nào đang chờ.</p>}
      <ul class="tasks">
        {c.pendingTasks.map((t: Any) => {
          const mine = t.mayAct ?? (t.role === role && t.unitId === props.claims['custom:unit']);
          return (
            <li key={t.taskId} class={t.overdue ? 'overdue' : ''}>
              <strong>{t.label}</strong> — {roleName(t.role)}, {unitName(t.unitId)}
              {t.main !== false && <span title={t.deadlineSource}>; hạn {formatDate(t.dueOn)}</span>}
              {t.overdue && <span class="badge">Quá hạn</span>}
              {mine && open !== t.action && (
                <button type="button" data-action={t.action} onClick={() => setOpen(t.action)}>
                  Thực hiện
                </button>
              )}
              {mine && open === t.action && (
                <TaskForm caseId={c.caseId} version={c.version} task={t} onDone={done} />
              )}
            </li>
          );
        })}
      </ul>
      {!documents.missing && (
        <>
          <h2>Văn bản</h2>
          <ul>
            {(documents.data?.items ?? []).map((d: Any) => (
              <li key={d.sha256}>
                {d.title} {d.number && `số ${d.number}`} ({formatDate(d.issuedAt)}){' '}
                <button type="button" onClick={() => openFile(`/documents/${d.sha256}`)}>
                  Mở
                </button>{' '}
                <button type="button" onClick={() => openFile(`/documents/${d.sha256}`, `${d.kind}.pdf`)}>
                  Tải về
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Lịch sử</h2>
      {isAuditor && verify.data && (
        <p class={verify.data.valid === false ? 'error' : 'notice'} data-testid="verify">
          {verify.data.valid === false
            ? 'Lịch sử KHÔNG toàn vẹn'
            : 'Lịch sử toàn vẹn: chuỗi băm đã được kiểm tra'}
        </p>
      )}
      {isAuditor && (
        <p>
          <button
            type="button"
            onClick={() => openFile(`/cases/${c.caseId}/history/export?format=csv`, 'lich-su.csv')}
          >
            Xuất CSV
          </button>{' '}
          <button
            type="button"
            onClick={() => openFile(`/cases/${c.caseId}/history/export?format=pdf`, 'lich-su.pdf')}
          >
            Xuất PDF
          </button>
        </p>
      )}
      <label class="inline">
        <input
          type="checkbox"
          checked={showEngine}
          onChange={(e) => setShowEngine(e.currentTarget.checked)}
        />
        Hiện cả các bước của quy trình tự động
      </label>
      <ol class="history">
        {timelineEntries.map((e: Any, i: number) => (
          <li key={`${e.at}-${i}`} class={e.source}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> — {historyEventLabel(e.type)}
            {e.label || e.step ? `: ${e.label ?? e.step}` : ''}
            <span class="who">
              {' '}
              {e.source === 'engine'
                ? ''
                : e.actor?.kind === 'person'
                  ? `(${roleName(e.actor.role)}, ${unitName(e.actor.unitId)})`
                  : '(hệ thống)'}
            </span>
            {(e.documents ?? []).map((d: Any) => (
              <span key={d.sha256} class="doc">
                {' '}
                · văn bản số {d.number}
              </span>
            ))}
          </li>
        ))}
      </ol>
      {isAuditor && reads.data && (
        <>
          <h2>Người đã xem hồ sơ</h2>
          <ul>
            {(reads.data.items ?? []).map((r: Any, i: number) => (
              <li key={i}>
                {formatDate(r.at)} — {r.userId} ({roleName(r.role)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function NewCase() {
  const openapi = useGet<Any>('/openapi.json');
  const [value, setValue] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState('');
  const body = openapi.data?.paths?.['/cases']?.post?.requestBody?.content?.['application/json']?.schema;
  const ref = /^#\/components\/schemas\/(.+)$/.exec(body?.$ref ?? '')?.[1];
  const schema = (ref ? openapi.data?.components?.schemas?.[ref] : body) as JsonSchema | undefined;
  if (!schema) return <p>Đang tải…</p>;
  const submit = async (e: Event) => {
    e.preventDefault();
    const file = (prune(value) ?? {}) as Record<string, unknown>;
    const local = validate(schema, file);
    setErrors(local);
    if (local.length > 0) return setMessage('Vui lòng sửa các trường được đánh dấu.');
    try {
      const created = await api<Any>('POST', '/cases', file);
      location.hash = `#/cases/${created.caseId}`;
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(error.errors);
        setMessage(error.detail);
      }
    }
  };
  return (
    <section>
      <h1>Lập hồ sơ mới</h1>
      <form onSubmit={submit}>
        <SchemaFields schema={schema} value={value} onChange={setValue} errors={errors} idPrefix="new" />
        {message && (
          <p class="error" role="alert">
            {message}
          </p>
        )}
        <button type="submit">Lập hồ sơ</button>
      </form>
    </section>
  );
}

function App() {
  const route = useRoute();
  const token = getToken();
  if (!token) return <SignIn />;
  const claims = claimsOf(token);
  const caseMatch = /^\/cases\/([^/]+)$/.exec(route);
  return (
    <>
      <Header claims={claims} />
      <main>
        {caseMatch?.[1] ? (
          <CasePage caseId={caseMatch[1]} claims={claims} key={caseMatch[1]} />
        ) : route === '/cases' ? (
          <CaseList claims={claims} />
        ) : route === '/new' ? (
          <NewCase />
        ) : route === '/indicators' ? (
          <Indicators claims={claims} />
        ) : (
          <Inbox />
        )}
      </main>
    </>
  );
}

const config = await fetch('/config.json').then((r) => (r.ok ? r.json() : { mode: 'local', apiUrl: '' }));
setConfig(config);
if (config.mode === 'aws') await resumeHostedSession(config);
const root = document.getElementById('app') as HTMLElement;
root.textContent = ''; // the static "Đang tải…" placeholder
render(<App />, root);
