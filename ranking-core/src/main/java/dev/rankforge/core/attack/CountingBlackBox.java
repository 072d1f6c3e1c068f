package dev.rankforge.core.attack;

import dev.rankforge.core.model.BlackBox;
import java.util.List;

/** A black box that counts every history sent to it: one query per history, also for candidate ranking. */
public final class CountingBlackBox implements BlackBox {
    private final BlackBox inner;
    private long queries;

    public CountingBlackBox(BlackBox inner) {
        this.inner = inner;
    }

    public long queries() {
        return queries;
    }

    @Override
    public List<List<Integer>> recommend(List<int[]> histories, int k) {
        List<List<Integer>> out = inner.recommend(histories, k);
        queries += histories.size();
        return out;
    }

    @Override
    public List<List<Integer>> recommend(List<int[]> histories, List<int[]> excluded, int k) {
        List<List<Integer>> out = inner.recommend(histories, excluded, k);
        queries += histories.size();
        return out;
    }

    @Override
    public boolean excludesOnRequest() {
        return inner.excludesOnRequest();
    }

    @Override
    public List<List<Integer>> rank(List<int[]> histories, List<int[]> candidates) {
        List<List<Integer>> out = inner.rank(histories, candidates);
        queries += histories.size();
        return out;
    }

    @Override
    public boolean ranksCandidates() {
        return inner.ranksCandidates();
    }
}
