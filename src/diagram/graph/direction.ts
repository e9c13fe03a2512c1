import { E, N, S, W } from "../charset.js";
import type { Direction } from "./model.js";
import type { Endpoint } from "./paths.js";

/** The way a path flows from a tail that leaves its node towards `leave`. */
const FROM_TAIL: Record<number, Direction> = { [S]: "TD", [E]: "LR", [N]: "BT", [W]: "RL" };
/** The way a path flows into a head at a node it leaves towards `leave`. */
const INTO_HEAD: Record<number, Direction> = { [N]: "TD", [W]: "LR", [S]: "BT", [E]: "RL" };

/**
 * Which way a drawing flows. Each path votes where it starts: the way its tails leave
 * their nodes (a trunk of `▼` with `├──►` branches off it leaves each node downwards,
 * so it flows down); a path with heads only votes the way they point. Top-down unless
 * another way has more votes.
 */
export function flowOf(paths: Iterable<Endpoint[]>): Direction {
  const votes: Record<Direction, number> = { TD: 0, LR: 0, BT: 0, RL: 0 };
  for (const ends of paths) {
    const tails = ends.filter((e) => !e.headed);
    const heads = ends.filter((e) => e.headed);
    // A path with no head has no flow of its own.
    if (heads.length === 0) continue;
    for (const e of tails.length > 0 ? tails : heads) {
      const way = (tails.length > 0 ? FROM_TAIL : INTO_HEAD)[e.leave];
      if (way) votes[way]++;
    }
  }
  let best: Direction = "TD";
  for (const way of ["LR", "BT", "RL"] as const) if (votes[way] > votes[best]) best = way;
  return best;
}
