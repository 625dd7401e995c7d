package dev.capstan.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shortest edit script between two lists of lines: Myers' O(ND) difference algorithm in its
 * linear-space form (find a middle snake, split there, solve both halves).
 *
 * <p>Before the search, the common head and tail are skipped, and lines that occur on only one
 * side are set aside as removed or added: no common subsequence can contain them, so leaving them
 * out keeps the script minimal and makes texts whose every line changed cost linear time.
 *
 * <p>The result marks each old line as removed or kept and each new line as added or kept; the
 * kept lines of both sides, in order, are equal pair by pair.
 */
final class LineDiff {
  private static final int NONE = -1;
  private static final int FAR = Integer.MAX_VALUE;

  /** Which old lines are removed and which new lines are added. */
  record Edits(boolean[] removed, boolean[] added) {}

  private final int[] a;
  private final int[] b;
  private final boolean[] removed;
  private final boolean[] added;
  private final int[] forward;
  private final int[] backward;
  private final int offset;

  private LineDiff(int[] a, int[] b) {
    this.a = a;
    this.b = b;
    this.removed = new boolean[a.length];
    this.added = new boolean[b.length];
    this.forward = new int[a.length + b.length + 3];
    this.backward = new int[a.length + b.length + 3];
    this.offset = b.length + 1;
  }

  /** The edits that turn {@code from} into {@code to}; lines are compared with {@code equals}. */
  static Edits diff(List<String> from, List<String> to) {
    Map<String, Integer> ids = new HashMap<>();
    int[] ia = ids(from, ids);
    int[] ib = ids(to, ids);
    int[] inA = new int[ids.size()];
    int[] inB = new int[ids.size()];
    for (int id : ia) {
      inA[id]++;
    }
    for (int id : ib) {
      inB[id]++;
    }
    int[] keptA = kept(ia, inB);
    int[] keptB = kept(ib, inA);
    int[] ra = new int[keptA.length];
    for (int i = 0; i < keptA.length; i++) {
      ra[i] = ia[keptA[i]];
    }
    int[] rb = new int[keptB.length];
    for (int j = 0; j < keptB.length; j++) {
      rb[j] = ib[keptB[j]];
    }
    LineDiff reduced = new LineDiff(ra, rb);
    reduced.compare(0, ra.length, 0, rb.length);

    boolean[] removed = new boolean[ia.length];
    boolean[] added = new boolean[ib.length];
    java.util.Arrays.fill(removed, true);
    java.util.Arrays.fill(added, true);
    for (int i = 0; i < keptA.length; i++) {
      removed[keptA[i]] = reduced.removed[i];
    }
    for (int j = 0; j < keptB.length; j++) {
      added[keptB[j]] = reduced.added[j];
    }
    return new Edits(removed, added);
  }

  private static int[] ids(List<String> lines, Map<String, Integer> ids) {
    int[] out = new int[lines.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(lines.get(i), k -> ids.size());
    }
    return out;
  }

  /** The indices of the lines whose id occurs on the other side. */
  private static int[] kept(int[] lines, int[] otherCounts) {
    List<Integer> keep = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (otherCounts[lines[i]] > 0) {
        keep.add(i);
      }
    }
    int[] out = new int[keep.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = keep.get(i);
    }
    return out;
  }

  /** Marks the edits between {@code a[aLo, aHi)} and {@code b[bLo, bHi)}. */
  private void compare(int aLo, int aHi, int bLo, int bHi) {
    while (aLo < aHi && bLo < bHi && a[aLo] == b[bLo]) {
      aLo++;
      bLo++;
    }
    while (aLo < aHi && bLo < bHi && a[aHi - 1] == b[bHi - 1]) {
      aHi--;
      bHi--;
    }
    if (aLo == aHi) {
      for (int j = bLo; j < bHi; j++) {
        added[j] = true;
      }
      return;
    }
    if (bLo == bHi) {
      for (int i = aLo; i < aHi; i++) {
        removed[i] = true;
      }
      return;
    }
    long split = middle(aLo, aHi, bLo, bHi);
    int x = (int) (split >>> 32);
    int y = (int) split;
    if ((x == 0 && y == 0) || (x == aHi - aLo && y == bHi - bLo)) {
      throw new IllegalStateException("no progress splitting a diff at " + x + "," + y);
    }
    compare(aLo, aLo + x, bLo, bLo + y);
    compare(aLo + x, aHi, bLo + y, bHi);
  }

  /**
   * A point, relative to {@code (aLo, bLo)}, on a shortest edit path through the sub-problem,
   * packed as {@code x << 32 | y}. The sub-problem has no common head or tail and neither side is
   * empty, so its edit distance is at least 2 and the point is not a corner.
   *
   * <p>Diagonal {@code k = x - y}. {@code forward[k]} is the furthest {@code x} reachable on
   * diagonal {@code k} from the start with at most {@code d} edits, {@code backward[k]} the
   * smallest {@code x} from which the end is reachable with at most {@code d} edits. The search
   * stops when the two meet on a diagonal.
   */
  private long middle(int aLo, int aHi, int bLo, int bHi) {
    int n = aHi - aLo;
    int m = bHi - bLo;
    int delta = n - m;
    boolean odd = (delta & 1) != 0;
    for (int k = -m - 1; k <= n + 1; k++) {
      forward[offset + k] = NONE;
      backward[offset + k] = FAR;
    }
    for (int d = 0; d <= n + m; d++) {
      for (int k = -d; k <= d; k += 2) {
        if (k < -m || k > n) {
          continue;
        }
        int x;
        if (d == 0) {
          x = 0;
        } else {
          x = forward[offset + k];
          int down = forward[offset + k + 1];
          if (k + 1 <= n && down != NONE && down - (k + 1) < m) {
            x = Math.max(x, down);
          }
          int right = forward[offset + k - 1];
          if (k - 1 >= -m && right != NONE && right < n) {
            x = Math.max(x, right + 1);
          }
          if (x == NONE) {
            continue;
          }
        }
        int y = x - k;
        while (x < n && y < m && a[aLo + x] == b[bLo + y]) {
          x++;
          y++;
        }
        forward[offset + k] = x;
        if (odd && backward[offset + k] <= x) {
          return ((long) x << 32) | y;
        }
      }
      for (int k = delta - d; k <= delta + d; k += 2) {
        if (k < -m || k > n) {
          continue;
        }
        int x;
        if (d == 0) {
          x = n;
        } else {
          x = backward[offset + k];
          int up = backward[offset + k - 1];
          if (k - 1 >= -m && up != FAR && up - k >= 0) {
            x = Math.min(x, up);
          }
          int left = backward[offset + k + 1];
          if (k + 1 <= n && left != FAR && left > 0) {
            x = Math.min(x, left - 1);
          }
          if (x == FAR) {
            continue;
          }
        }
        int y = x - k;
        while (x > 0 && y > 0 && a[aLo + x - 1] == b[bLo + y - 1]) {
          x--;
          y--;
        }
        backward[offset + k] = x;
        if (!odd && forward[offset + k] >= x) {
          return ((long) x << 32) | y;
        }
      }
    }
    throw new IllegalStateException("the diff search did not meet in the middle");
  }
}
