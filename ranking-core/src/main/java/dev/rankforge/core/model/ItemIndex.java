package dev.rankforge.core.model;

import io.github.jbellis.jvector.disk.ByteBufferReader;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.OnHeapGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An approximate-nearest-neighbour index over a two-tower model's item tower (jvector's graph index): the items a
 * user vector is most similar to by cosine, without scoring the whole catalogue. The vectors are the model's own;
 * only the graph is written ({@link #write}) and read back with them ({@link #read}), so an index is an artifact
 * built once per model. Searches are safe from concurrent threads.
 */
public final class ItemIndex {
    /** The graph's degree, search beam while building, and the overflow and alpha of jvector's defaults. */
    private static final int DEGREE = 32;
    private static final int BUILD_BEAM = 100;
    private static final float NEIGHBOR_OVERFLOW = 1.2f;
    private static final float ALPHA = 1.2f;
    /** Candidates a search keeps, as a multiple of the k asked for: more is slower and closer to exact. */
    private static final float SEARCH_OVERQUERY = 2f;
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final RandomAccessVectorValues items;
    private final OnHeapGraphIndex graph;

    private ItemIndex(RandomAccessVectorValues items, OnHeapGraphIndex graph) {
        this.items = items;
        this.graph = graph;
    }

    /** Builds the graph over {@code itemVectors[1..]} (row 0 is padding and never returned). */
    public static ItemIndex build(float[][] itemVectors) {
        RandomAccessVectorValues items = vectors(itemVectors);
        try (GraphIndexBuilder builder = builder(items)) {
            return new ItemIndex(items, builder.build(items));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The index whose graph {@link #write} wrote, over the same vectors. */
    public static ItemIndex read(float[][] itemVectors, InputStream graph) throws IOException {
        RandomAccessVectorValues items = vectors(itemVectors);
        GraphIndexBuilder builder = builder(items);
        builder.load(new ByteBufferReader(ByteBuffer.wrap(graph.readAllBytes())));
        if (builder.getGraph().size() != items.size()) {
            throw new IOException("the graph holds " + builder.getGraph().size() + " items, the model "
                    + items.size());
        }
        return new ItemIndex(items, builder.getGraph());
    }

    /** Writes the graph (not the vectors: they are the model's). */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            graph.save(data);
        }
        bytes.writeTo(out);
    }

    /** Items in the index. */
    public int size() {
        return items.size();
    }

    /**
     * Up to {@code k} item ids most similar to {@code user} by cosine, best first, none of {@code excluded}.
     */
    public int[] nearest(float[] user, int k, int[] excluded) {
        Set<Integer> left = new HashSet<>();
        for (int item : excluded) {
            left.add(item - 1);
        }
        Bits accepted = left.isEmpty() ? Bits.ALL : node -> !left.contains(node);
        VectorFloat<?> query = VECTORS.createFloatVector(unit(user));
        SearchScoreProvider scores = SearchScoreProvider.exact(query, VectorSimilarityFunction.DOT_PRODUCT, items);
        int take = Math.min(k, items.size());
        SearchResult result;
        try (GraphSearcher searcher = new GraphSearcher(graph)) {
            result = searcher.search(scores, take, Math.max(take, (int) (take * SEARCH_OVERQUERY)), 0f, 0f,
                    accepted);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SearchResult.NodeScore[] nodes = result.getNodes();
        int[] out = new int[Math.min(take, nodes.length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = nodes[i].node + 1;
        }
        return out;
    }

    private static GraphIndexBuilder builder(RandomAccessVectorValues items) {
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(items,
                VectorSimilarityFunction.DOT_PRODUCT);
        return new GraphIndexBuilder(scores, items.dimension(), DEGREE, BUILD_BEAM, NEIGHBOR_OVERFLOW, ALPHA);
    }

    /** Rows 1.. as unit vectors (the item tower's are already; the dot product of unit vectors is the cosine). */
    private static RandomAccessVectorValues vectors(float[][] itemVectors) {
        List<VectorFloat<?>> rows = new ArrayList<>(itemVectors.length - 1);
        for (int item = 1; item < itemVectors.length; item++) {
            rows.add(VECTORS.createFloatVector(unit(itemVectors[item])));
        }
        return new ListRandomAccessVectorValues(rows, itemVectors[1].length);
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-24)));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * scale;
        }
        return out;
    }
}
