/**
 * One TensorFlow op of USE-lite's graph as ONNX nodes (used by use-lite-onnx-graph.ts). Each case
 * keeps TF's semantics for the arguments this graph gives it and throws on anything else.
 */
import onnxProto from 'onnx-proto';
import type { TfAttr, TfNode } from './use-lite-onnx-graph.js';

const { onnx } = onnxProto;
type Tensor = InstanceType<typeof onnx.TensorProto>;

/** A value in the translated graph: its ONNX name, element kind, rank when known, data when constant. */
export interface Value {
  name: string;
  kind: 'f' | 'i' | 'b';
  rank?: number;
  shape?: number[];
  data?: Float32Array | Int32Array;
}

/** What a translation case may add to the ONNX graph. */
export interface Emit {
  /** Add a node with `outputs` outputs (or outputs of these names); returns their names. */
  node(opType: string, inputs: Value[], attrs?: Record<string, number | number[] | Tensor>, outputs?: number | string[]): string[];
  /** A tensor for an attribute (ConstantOfShape's value). */
  tensor(kind: 'f' | 'i', shape: number[], data: ArrayLike<number>): Tensor;
  /** A constant input (an initializer, added when a node reads it). */
  constant(kind: 'f' | 'i', shape: number[], data: ArrayLike<number>): Value;
}

/** "To the end" for Slice. */
const END = 2 ** 53 - 1;
const KIND_OF_DTYPE: Record<string, Value['kind']> = { '1': 'f', '3': 'i', '9': 'i', '10': 'b', DT_FLOAT: 'f', DT_INT32: 'i', DT_INT64: 'i', DT_BOOL: 'b' };
const ONNX_TYPE = { f: onnx.TensorProto.DataType.FLOAT, i: onnx.TensorProto.DataType.INT64, b: onnx.TensorProto.DataType.BOOL };
const UNARY: Record<string, string> = { Sin: 'Sin', Cos: 'Cos', Tanh: 'Tanh', Relu: 'Relu', LogicalNot: 'Not', Softmax: 'Softmax' };
const BINARY: Record<string, string> = { Add: 'Add', Sub: 'Sub', Mul: 'Mul', RealDiv: 'Div', Maximum: 'Max', Less: 'Less', Greater: 'Greater', BiasAdd: 'Add' };
const REDUCE: Record<string, string> = { Max: 'ReduceMax', Mean: 'ReduceMean', Prod: 'ReduceProd' };

function ints(v: Value | undefined, what: string): number[] {
  if (!v?.data || v.kind !== 'i') throw new Error(`${what} must be a constant integer tensor`);
  return Array.from(v.data);
}
const attrInt = (a: TfAttr | undefined) => Number(a?.i ?? 0);
const attrList = (a: TfAttr | undefined) => (a?.list?.i ?? []).map(Number);
const attrText = (a: TfAttr | undefined) => (typeof a?.s === 'string' ? Buffer.from(a.s, 'base64').toString() : String.fromCharCode(...(a?.s ?? [])));
const maxRank = (xs: Value[]) => (xs.every((x) => x.rank !== undefined) ? Math.max(...xs.map((x) => x.rank as number)) : undefined);

/**
 * The ONNX outputs of one TF node, in TF's output order.
 *
 * @example
 * onnxNodeFor({ name: 'n', op: 'Relu' }, [x], emit); // [{ name: 't7', kind: 'f', rank: x.rank }]
 */
export function onnxNodeFor(n: TfNode, ins: Value[], emit: Emit): Value[] {
  const [x, y] = ins as [Value, Value];
  const a = n.attr ?? {};
  const one = (opType: string, inputs: Value[], kind: Value['kind'], rank: number | undefined, attrs: Record<string, number | number[] | Tensor> = {}): Value[] => {
    const [name] = emit.node(opType, inputs, attrs);
    return [{ name: name as string, kind, ...(rank === undefined ? {} : { rank }) }];
  };
  const axesConst = (axes: number[]) => emit.constant('i', [axes.length], axes);
  const op = n.op;

  if (UNARY[op]) return one(UNARY[op], [x], x.kind, x.rank);
  if (BINARY[op]) {
    if (op === 'BiasAdd' && attrText(a.data_format) !== 'NHWC') throw new Error(`${n.name}: BiasAdd is not NHWC`);
    return one(BINARY[op], [x, y], op === 'Less' || op === 'Greater' ? 'b' : x.kind, maxRank([x, y]));
  }
  if (REDUCE[op] || op === 'Sum') {
    const axes = ints(y, `${n.name} axes`);
    const keepdims = a.keep_dims?.b ? 1 : 0;
    const rank = x.rank === undefined ? undefined : keepdims ? x.rank : x.rank - axes.length;
    // ReduceSum takes its axes as an input from opset 13, the others from opset 18 (this model is opset 17).
    return op === 'Sum' ? one('ReduceSum', [x, axesConst(axes)], x.kind, rank, { keepdims }) : one(REDUCE[op] as string, [x], x.kind, rank, { axes, keepdims });
  }
  switch (op) {
    case 'Square':
      return one('Mul', [x, x], x.kind, x.rank);
    case 'Rsqrt': {
      const [s] = emit.node('Sqrt', [x]);
      return one('Reciprocal', [{ name: s as string, kind: 'f' }], 'f', x.rank);
    }
    case 'Cast': {
      const kind = KIND_OF_DTYPE[String(a.DstT?.type)];
      if (!kind) throw new Error(`${n.name}: cast to ${String(a.DstT?.type)}`);
      return kind === x.kind ? [x] : one('Cast', [x], kind, x.rank, { to: ONNX_TYPE[kind] });
    }
    case 'Shape':
      return one('Shape', [x], 'i', 1);
    case 'Where': {
      if (ins.length !== 1) throw new Error(`${n.name}: Where with ${ins.length} inputs`);
      const [nz] = emit.node('NonZero', [x]);
      return one('Transpose', [{ name: nz as string, kind: 'i' }], 'i', 2, { perm: [1, 0] });
    }
    case 'Reshape':
      return one('Reshape', [x, y], x.kind, y.data ? y.data.length : undefined);
    case 'GatherV2': {
      const axis = ints(ins[2], `${n.name} axis`)[0] as number;
      if (attrInt(a.batch_dims) !== 0) throw new Error(`${n.name}: batch_dims`);
      const rank = x.rank !== undefined && y.rank !== undefined ? x.rank - 1 + y.rank : undefined;
      return one('Gather', [x, y], x.kind, rank, { axis });
    }
    case 'GatherNd':
      return one('GatherND', [x, y], x.kind, undefined);
    case 'SparseToDense': {
      // TF: a dense [shape] tensor of default_value with values at indices; ONNX: fill, then scatter.
      const [indices, shape, vals, fill] = ins as [Value, Value, Value, Value];
      const def = fill.data?.[0];
      if (def === undefined || vals.kind === 'b') throw new Error(`${n.name}: default_value must be a constant`);
      const [dense] = emit.node('ConstantOfShape', [shape], { value: emit.tensor(vals.kind, [1], [def]) });
      return one('ScatterND', [{ name: dense as string, kind: vals.kind }, indices, vals], vals.kind, undefined);
    }
    case 'ScatterNd': {
      // TF scatters into zeros (summing duplicates; the positions here come from Where, so none repeat).
      const [indices, updates, shape] = ins as [Value, Value, Value];
      if (updates.kind === 'b') throw new Error(`${n.name}: boolean ScatterNd`);
      const [zeros] = emit.node('ConstantOfShape', [shape], { value: emit.tensor(updates.kind, [1], [0]) });
      return one('ScatterND', [{ name: zeros as string, kind: updates.kind }, indices, updates], updates.kind, undefined);
    }
    case 'ExpandDims':
      return one('Unsqueeze', [x, axesConst(ints(y, `${n.name} dim`))], x.kind, x.rank === undefined ? undefined : x.rank + 1);
    case 'Squeeze': {
      const axes = attrList(a.squeeze_dims);
      if (axes.length === 0) throw new Error(`${n.name}: Squeeze of every unit dimension`);
      return one('Squeeze', [x, axesConst(axes)], x.kind, x.rank === undefined ? undefined : x.rank - axes.length);
    }
    case 'ConcatV2': {
      const parts = ins.slice(0, -1);
      return one('Concat', parts, x.kind, x.rank, { axis: ints(ins.at(-1), `${n.name} axis`)[0] as number });
    }
    case 'Pack': {
      const axis = attrInt(a.axis);
      const parts = ins.map((p) => ({ name: emit.node('Unsqueeze', [p, axesConst([axis])])[0] as string, kind: p.kind }));
      return one('Concat', parts, x.kind, x.rank === undefined ? undefined : x.rank + 1, { axis });
    }
    case 'Transpose': {
      const perm = ints(y, `${n.name} perm`);
      return one('Transpose', [x], x.kind, perm.length, { perm });
    }
    case 'SplitV': {
      const sizes = ints(y, `${n.name} sizes`);
      if (sizes.some((s) => s < 0)) throw new Error(`${n.name}: SplitV with an inferred size`);
      const names = emit.node('Split', [x, emit.constant('i', [sizes.length], sizes)], { axis: ints(ins[2], `${n.name} axis`)[0] as number }, sizes.length);
      return names.map((name) => ({ name, kind: x.kind, ...(x.rank === undefined ? {} : { rank: x.rank }) }));
    }
    case 'Slice': {
      const begin = ints(y, `${n.name} begin`);
      const size = ints(ins[2], `${n.name} size`);
      const ends = begin.map((b, k) => ((size[k] as number) < 0 ? END : b + (size[k] as number)));
      return one('Slice', [x, axesConst(begin), axesConst(ends), axesConst(begin.map((_, k) => k))], x.kind, x.rank);
    }
    case 'StridedSlice':
      return stridedSlice(n, ins, emit, one);
    case 'MatMul':
    case 'BatchMatMul': {
      const [ta, tb] = op === 'MatMul' ? [a.transpose_a?.b, a.transpose_b?.b] : [a.adj_x?.b, a.adj_y?.b];
      const t = (v: Value, yes: boolean | undefined): Value => {
        if (!yes) return v;
        if (v.rank === undefined) throw new Error(`${n.name}: transpose of an input of unknown rank`);
        const perm = Array.from({ length: v.rank }, (_, k) => k);
        perm.splice(-2, 2, v.rank - 1, v.rank - 2);
        return { name: emit.node('Transpose', [v], { perm })[0] as string, kind: v.kind, rank: v.rank };
      };
      return one('MatMul', [t(x, ta), t(y, tb)], 'f', maxRank([x, y]));
    }
    case 'Conv2D': {
      // USE-lite's projections are 1x1 convolutions over [batch, length, 1, channels]: a matrix product on the last axis.
      const k = y.shape ?? [];
      const ones = (l: number[]) => l.length === 4 && l.every((v) => v === 1);
      if (!y.data || k[0] !== 1 || k[1] !== 1 || !ones(attrList(a.strides)) || !ones(attrList(a.dilations)) || attrText(a.data_format) !== 'NHWC') {
        throw new Error(`${n.name}: only 1x1, stride-1 NHWC convolutions are supported`);
      }
      return one('MatMul', [x, emit.constant('f', [k[2] as number, k[3] as number], y.data)], 'f', x.rank);
    }
    case 'Range':
      return one('Range', ins, 'i', 1);
    default:
      throw new Error(`${n.name}: op ${op} is not supported`);
  }
}

/** TF StridedSlice with begin/end/shrink masks (no ellipsis, no new axes, stride 1) as Slice, then Squeeze. */
function stridedSlice(n: TfNode, ins: Value[], emit: Emit, one: (op: string, i: Value[], k: Value['kind'], r: number | undefined, at?: Record<string, number | number[]>) => Value[]): Value[] {
  const [x, b, e, s] = ins as [Value, Value, Value, Value];
  const a = n.attr ?? {};
  const [begin, end, strides] = [ints(b, 'begin'), ints(e, 'end'), ints(s, 'strides')];
  if (attrInt(a.ellipsis_mask) || attrInt(a.new_axis_mask) || strides.some((v) => v !== 1)) throw new Error(`${n.name}: unsupported StridedSlice`);
  const [bm, em, sm] = [attrInt(a.begin_mask), attrInt(a.end_mask), attrInt(a.shrink_axis_mask)];
  const starts: number[] = [];
  const ends: number[] = [];
  const squeeze: number[] = [];
  begin.forEach((bk, k) => {
    if ((sm >> k) & 1) {
      starts.push(bk);
      ends.push(bk === -1 ? END : bk + 1);
      squeeze.push(k);
    } else {
      starts.push((bm >> k) & 1 ? 0 : bk);
      ends.push((em >> k) & 1 ? END : (end[k] as number));
    }
  });
  const c = (v: number[]) => emit.constant('i', [v.length], v);
  const [sliced] = emit.node('Slice', [x, c(starts), c(ends), c(begin.map((_, k) => k))]);
  const out: Value = { name: sliced as string, kind: x.kind, ...(x.rank === undefined ? {} : { rank: x.rank }) };
  if (squeeze.length === 0) return [out];
  return one('Squeeze', [out, c(squeeze)], x.kind, x.rank === undefined ? undefined : x.rank - squeeze.length);
}
