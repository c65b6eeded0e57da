// The Bernstein stack in cdk8s (TypeScript), the peer kubestack is measured against.
// `node main.js` synthesizes it into dist/; with APPS=N it synthesizes N poll-like apps
// instead (a Deployment, a Service and an Ingress each), as bench/generate_stack.py does
// for kubestack, in a loop over a helper. bench/run.py also imports the helpers into the
// same apps written out, one call block per app.
import { ApiObject, App, Chart } from 'cdk8s';
import { Construct } from 'constructs';

export interface Workload {
  name: string;
  namespace?: string;
  image: string;
  replicas: number;
  memory?: string;
  ports?: { name: string; containerPort: number }[];
  env?: object[];
  args?: string[];
  serviceAccountName?: string;
  antiAffinity?: boolean;
  volumes?: object[];
  volumeMounts?: object[];
}

export function configKey(name: string, key: string): object {
  return { name: key, valueFrom: { configMapKeyRef: { name, key } } };
}
export function secretKey(name: string, key: string): object {
  return { name: key, valueFrom: { secretKeyRef: { name, key } } };
}

export function deployment(scope: Construct, w: Workload) {
  const labels = { app: w.name };
  new ApiObject(scope, `${w.name}-deployment`, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, namespace: w.namespace ?? 'default', labels },
    spec: {
      replicas: w.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{
            name: w.name,
            image: w.image,
            args: w.args,
            ports: w.ports?.map((p) => ({ ...p, protocol: 'TCP' })),
            env: w.env,
            resources: w.memory ? { limits: { memory: w.memory } } : undefined,
            volumeMounts: w.volumeMounts,
          }],
          volumes: w.volumes,
          restartPolicy: 'Always',
          serviceAccountName: w.serviceAccountName,
          affinity: w.antiAffinity ? {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' }],
            },
          } : undefined,
        },
      },
    },
  });
}

export function service(scope: Construct, w: Workload, nodePorts: Record<string, number> = {}) {
  new ApiObject(scope, `${w.name}-service`, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: w.name, namespace: w.namespace ?? 'default' },
    spec: {
      type: Object.keys(nodePorts).length ? 'NodePort' : 'ClusterIP',
      selector: { app: w.name },
      ports: (w.ports ?? []).map((p) => ({
        name: p.name, port: p.containerPort, targetPort: p.name, nodePort: nodePorts[p.name], protocol: 'TCP',
      })),
    },
  });
}

export function ingress(scope: Construct, name: string, host: string, port = 80) {
  new ApiObject(scope, `${name}-ingress`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name, namespace: 'default', annotations: { 'kubernetes.io/ingress.class': 'traefik' } },
    spec: {
      rules: [{
        host,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: port } } } }] },
      }],
    },
  });
}

class Bernstein extends Chart {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const postgresEnv = ['POSTGRES_HOST', 'POSTGRES_PORT', 'POSTGRES_DB'].map((k) => configKey('postgres', k))
      .concat(['POSTGRES_USER', 'POSTGRES_PASSWORD'].map((k) => secretKey('postgres', k)));
    const readOnlyHostPath = (name: string, path: string, mountPath: string) =>
      ({ volume: { name, hostPath: { path } }, mount: { name, mountPath, readOnly: true } });
    const cadvisorMounts = [readOnlyHostPath('rootfs', '/', '/rootfs'), readOnlyHostPath('var-run', '/var/run', '/var/run'),
      readOnlyHostPath('sys', '/sys', '/sys'), readOnlyHostPath('docker', '/var/lib/docker', '/var/lib/docker')];
    new ApiObject(this, 'cadvisor', {
      apiVersion: 'apps/v1', kind: 'DaemonSet',
      metadata: { name: 'cadvisor', namespace: 'kube-system', labels: { app: 'cadvisor' } },
      spec: {
        selector: { matchLabels: { app: 'cadvisor' } },
        template: {
          metadata: { labels: { app: 'cadvisor' } },
          spec: {
            containers: [{
              name: 'cadvisor', image: 'google/cadvisor:latest',
              ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
              volumeMounts: cadvisorMounts.map((m) => m.mount),
            }],
            volumes: cadvisorMounts.map((m) => m.volume),
            restartPolicy: 'Always',
            tolerations: [{ operator: 'Exists' }],
          },
        },
      },
    });
    new ApiObject(this, 'postgres-secret', {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 'postgres', namespace: 'default' }, type: 'Opaque',
      stringData: { POSTGRES_USER: process.env.BERNSTEIN_POSTGRES_USER ?? 'postgres',
        POSTGRES_PASSWORD: process.env.BERNSTEIN_POSTGRES_PASSWORD ?? 'password' },
    });
    new ApiObject(this, 'postgres-config', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'postgres', namespace: 'default' },
      data: { POSTGRES_HOST: 'postgres', POSTGRES_PORT: '5432', POSTGRES_DB: 'postgres' },
    });
    new ApiObject(this, 'postgres-init', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'postgres-init', namespace: 'default' },
      data: { 'create-votes.sql': 'CREATE TABLE IF NOT EXISTS votes (id text PRIMARY KEY, vote text NOT NULL);\n' },
    });
    new ApiObject(this, 'postgres-volume', {
      apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'postgres' },
      spec: { capacity: { storage: '512Mi' }, accessModes: ['ReadWriteOnce'], storageClassName: 'manual',
        persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: '/var/lib/bernstein/postgres', type: 'DirectoryOrCreate' } },
    });
    new ApiObject(this, 'postgres-claim', {
      apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'postgres', namespace: 'default' },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'manual', volumeName: 'postgres',
        resources: { requests: { storage: '512Mi' } } },
    });
    const postgres: Workload = {
      name: 'postgres', image: 'postgres:12', replicas: 1, ports: [{ name: 'postgres', containerPort: 5432 }],
      env: postgresEnv,
      volumes: [{ name: 'postgres', persistentVolumeClaim: { claimName: 'postgres' } },
        { name: 'postgres-init', configMap: { name: 'postgres-init' } }],
      volumeMounts: [{ name: 'postgres', mountPath: '/var/lib/postgresql/data' },
        { name: 'postgres-init', mountPath: '/docker-entrypoint-initdb.d', readOnly: true }],
    };
    deployment(this, postgres);
    service(this, postgres);
    new ApiObject(this, 'redis-config', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'redis', namespace: 'default' }, data: { REDIS_HOST: 'redis' },
    });
    const redis: Workload = { name: 'redis', image: 'redis:5.0', replicas: 1, ports: [{ name: 'redis', containerPort: 6379 }] };
    deployment(this, redis);
    service(this, redis);
    const http = [{ name: 'http', containerPort: 80 }];
    const poll: Workload = { name: 'poll', image: 'epitechcontent/t-dop-600-poll:k8s', replicas: 2, memory: '128M',
      ports: http, env: [configKey('redis', 'REDIS_HOST')], antiAffinity: true };
    const result: Workload = { name: 'result', image: 'epitechcontent/t-dop-600-result:k8s', replicas: 2, memory: '128M',
      ports: http, env: postgresEnv, antiAffinity: true };
    deployment(this, poll);
    deployment(this, { name: 'worker', image: 'epitechcontent/t-dop-600-worker:k8s', replicas: 1, memory: '256M',
      env: [configKey('redis', 'REDIS_HOST'), ...postgresEnv] });
    deployment(this, result);
    service(this, poll);
    service(this, result);
    ingress(this, 'poll', 'poll.dop.io');
    ingress(this, 'result', 'result.dop.io');
    new ApiObject(this, 'traefik-account', {
      apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'traefik', namespace: 'kube-public' },
    });
    new ApiObject(this, 'traefik-role', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'traefik' },
      rules: [
        { apiGroups: [''], resources: ['services', 'endpoints', 'secrets'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['extensions', 'networking.k8s.io'], resources: ['ingresses', 'ingressclasses'], verbs: ['get', 'list', 'watch'] },
        { apiGroups: ['extensions', 'networking.k8s.io'], resources: ['ingresses/status'], verbs: ['update'] },
      ],
    });
    new ApiObject(this, 'traefik-binding', {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'traefik' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'traefik' },
      subjects: [{ kind: 'ServiceAccount', name: 'traefik', namespace: 'kube-public' }],
    });
    const traefik: Workload = { name: 'traefik', namespace: 'kube-public', image: 'traefik:1.7', replicas: 2,
      serviceAccountName: 'traefik', args: ['--api', '--kubernetes', '--logLevel=INFO'],
      ports: [{ name: 'http', containerPort: 80 }, { name: 'admin', containerPort: 8080 }], antiAffinity: true };
    deployment(this, traefik);
    service(this, traefik, { http: 30021, admin: 30042 });
  }
}

class GeneratedApps extends Chart {
  constructor(scope: Construct, id: string, count: number) {
    super(scope, id);
    new ApiObject(this, 'shared', {
      apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared', namespace: 'default' }, data: { REDIS_HOST: 'redis' },
    });
    for (let i = 1; i <= count; ++i) {
      const name = `app-${String(i).padStart(4, '0')}`;
      const app: Workload = { name, image: 'epitechcontent/t-dop-600-poll:k8s', replicas: 2, memory: '128M',
        ports: [{ name: 'http', containerPort: 80 }], env: [configKey('shared', 'REDIS_HOST')], antiAffinity: true };
      deployment(this, app);
      service(this, app);
      ingress(this, name, `${name}.dop.io`);
    }
  }
}

// Synthesized when run, not when bench/run.py's written-out apps import the helpers.
if (require.main === module) {
  const app = new App({ outdir: process.env.OUTDIR ?? 'dist' });
  const apps = process.env.APPS;
  if (apps) new GeneratedApps(app, 'generated', Number(apps));
  else new Bernstein(app, 'bernstein');
  app.synth();
}
