// Synthetic catalogs for the scale benchmark: realistic titles, tags, summaries and
// 1–3 KB box-drawing bodies, the same for the same size and seed.
import type { Catalog, Category, Entry } from "../src/core/types.js";

const TECH = (
  "Kafka Redis PostgreSQL MySQL Cassandra MongoDB DynamoDB Elasticsearch RabbitMQ NATS Pulsar " +
  "Kubernetes Docker Envoy Istio Nginx HAProxy Consul etcd ZooKeeper Prometheus Grafana Jaeger " +
  "Zipkin Flink Spark Hadoop Airflow Snowflake BigQuery S3 SQS SNS Lambda CloudFront Memcached " +
  "Vault Keycloak OAuth JWT gRPC GraphQL WebSocket Terraform Ceph MinIO ClickHouse Druid Pinot"
).split(" ");
const CONCEPT = (
  "cache replication sharding partitioning consensus leader election quorum gossip saga outbox " +
  "idempotency retry backoff circuit breaker bulkhead rate limiting throttling load balancing " +
  "service discovery event sourcing CQRS pub-sub fan-out batching streaming ETL CDC snapshot " +
  "compaction indexing tracing metrics logging failover backup multi-region geo-routing CDN edge"
).split(" ");
const NOUN = (
  "Gateway Service Store Pipeline Cluster Router Broker Queue Cache Index Scheduler Worker " +
  "Coordinator Proxy Registry Ledger Feed Timeline Catalog Inventory Checkout Payments Search"
).split(" ");
const SHAPE = "Architecture Pattern Flow Topology Design Deployment Layout Strategy".split(" ");
const CATEGORIES: Category[] = [
  "Architecture Patterns",
  "Caching",
  "Databases",
  "Messaging",
  "Distributed Systems",
  "Real-World Systems",
  "Data Processing",
  "Deployment",
  "Networking",
  "Security",
  "Observability",
  "Storage",
].map((name) => ({ id: name.toLowerCase().replace(/[^a-z]+/g, "-"), name }));

/** Park–Miller: small, seedable, good enough to pick words. */
function random(seed: number) {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function box(label: string): string[] {
  const inner = Math.max(11, label.length + 2);
  const left = Math.floor((inner - label.length) / 2);
  return [
    `┌${"─".repeat(inner)}┐`,
    `│${" ".repeat(left)}${label}${" ".repeat(inner - left - label.length)}│`,
    `└${"─".repeat(Math.floor(inner / 2))}┬${"─".repeat(inner - Math.floor(inner / 2) - 1)}┘`,
  ];
}

export function syntheticCatalog(size: number, seed = 42): Catalog {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)] as T;
  const diagrams: Entry[] = [];
  for (let i = 0; i < size; i++) {
    const tech = pick(TECH);
    const title = `${tech} ${pick(NOUN)} ${pick(SHAPE)} ${i + 1}`;
    const category = pick(CATEGORIES);
    const tags = Array.from({ length: 4 + Math.floor(next() * 5) }, () =>
      next() < 0.5 ? pick(TECH) : pick(CONCEPT),
    );
    const lines: string[] = [];
    const target = 1024 + Math.floor(next() * 2048);
    while (lines.join("\n").length < target) {
      const indent = " ".repeat(Math.floor(next() * 20));
      for (const line of box(`${pick(NOUN)} (${pick(TECH)})`)) lines.push(indent + line);
      lines.push(`${indent}       │ ${pick(CONCEPT)}`, `${indent}       ▼`);
    }
    diagrams.push({
      id: `diagram-${i + 1}`,
      title,
      category: category.name,
      categoryId: category.id,
      aliases: [`${tech.toLowerCase()} ${i + 1}`],
      tags,
      summary: `How ${tech} ${pick(CONCEPT)} works with ${pick(TECH)} for ${pick(CONCEPT)}.`,
      related: [],
      diagram: lines.join("\n"),
      line: i + 1,
    });
  }
  return {
    version: 1,
    source: `synthetic:${size}`,
    categories: CATEGORIES,
    diagrams,
    tips: { title: "Tips", markdown: "" },
  };
}

/**
 * The same synthetic diagrams as a user's catalog: Markdown documents laid out as
 * docs/your-diagrams.md says (`##` category, `###` title, facts in a `<!-- sysdiag -->`
 * comment, a fenced drawing), `files` of them, each holding its share.
 */
export function syntheticMarkdown(size: number, files = 100, seed = 42): Map<string, string> {
  const { diagrams } = syntheticCatalog(size, seed);
  const out = new Map<string, string>();
  const per = Math.ceil(diagrams.length / files);
  for (let f = 0; f < files; f++) {
    const part = diagrams.slice(f * per, (f + 1) * per);
    if (part.length === 0) break;
    const lines: string[] = [`# Synthetic diagrams, part ${f + 1}`, ""];
    let category = "";
    for (const d of [...part].sort((a, b) => a.category.localeCompare(b.category))) {
      if (d.category !== category) {
        category = d.category;
        lines.push(`## ${category}`, "");
      }
      lines.push(
        `### ${d.title}`,
        "<!-- sysdiag",
        `id: user-${d.id}`,
        `aliases: user ${d.aliases.join(", ")}`,
        `tags: ${d.tags.join(", ")}`,
        `summary: ${d.summary}`,
        "-->",
        "",
        "```",
        d.diagram,
        "```",
        "",
      );
    }
    out.set(`part-${String(f + 1).padStart(3, "0")}.md`, lines.join("\n"));
  }
  return out;
}
