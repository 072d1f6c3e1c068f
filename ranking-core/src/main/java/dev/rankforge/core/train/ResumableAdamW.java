package dev.rankforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AdamW with the same update as DJL's {@code AdamW} (decoupled weight decay, bias correction, the engine's fused
 * kernel) whose state — first and second moments and step counts — can be written to and read from a
 * checkpoint. DJL's own optimizers keep that state private, so a resumed run would restart Adam's moments from
 * zero and diverge from an uninterrupted one.
 *
 * <p>State is keyed by parameter id while training and by the parameter's structured name in checkpoints
 * (ids are random per block instance, names are stable across processes). The moments live in
 * {@code stateManager} and are closed with it. The training loop sets the rate of each step ({@link #setLearningRate},
 * from its {@link LearningRateSchedule}).
 */
public final class ResumableAdamW extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private float learningRate;
    private final NDManager stateManager;
    private final Map<String, NDArray> means = new ConcurrentHashMap<>();
    private final Map<String, NDArray> variances = new ConcurrentHashMap<>();
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();

    public ResumableAdamW(float learningRate, float weightDecay, NDManager stateManager) {
        super(new Settings().optWeightDecays(weightDecay));
        this.learningRate = learningRate;
        this.stateManager = stateManager;
    }

    /** The rate of the updates that follow (a scheduled run's, set before each step). */
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        float biasCorrected = (float) (learningRate * Math.sqrt(1.0 - Math.pow(BETA2, t))
                / (1.0 - Math.pow(BETA1, t)));
        NDArray mean = means.computeIfAbsent(parameterId, k -> zerosLike(weight));
        NDArray variance = variances.computeIfAbsent(parameterId, k -> zerosLike(weight));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
                learningRate, biasCorrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON,
                true, true);
    }

    private NDArray zerosLike(NDArray weight) {
        return stateManager.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
    }

    /** Writes moments and step counts of every parameter of {@code block} that has been updated. */
    public void writeState(Block block, DataOutputStream out) throws IOException {
        Map<String, String> names = parameterNames(block, true);
        int present = (int) names.keySet().stream().filter(steps::containsKey).count();
        out.writeInt(present);
        for (Map.Entry<String, String> entry : names.entrySet()) {
            String id = entry.getKey();
            if (!steps.containsKey(id)) {
                continue;
            }
            out.writeUTF(entry.getValue());
            out.writeInt(steps.get(id));
            writeArray(means.get(id), out);
            writeArray(variances.get(id), out);
        }
    }

    /** Restores state written by {@link #writeState} for a freshly built block of the same architecture. */
    public void readState(Block block, DataInputStream in) throws IOException {
        Map<String, String> ids = parameterNames(block, false);
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            String id = ids.get(name);
            if (id == null) {
                throw new IOException("optimizer state names parameter '" + name + "' that the model does not have");
            }
            steps.put(id, in.readInt());
            replace(means, id, NDArray.decode(stateManager, readBytes(in)));
            replace(variances, id, NDArray.decode(stateManager, readBytes(in)));
        }
    }

    private static void replace(Map<String, NDArray> state, String id, NDArray value) {
        NDArray previous = state.put(id, value);
        if (previous != null) {
            previous.close();
        }
    }

    /** id → name when {@code byId}, else name → id. */
    private static Map<String, String> parameterNames(Block block, boolean byId) {
        Map<String, String> out = new HashMap<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (byId) {
                out.put(p.getValue().getId(), p.getKey());
            } else {
                out.put(p.getKey(), p.getValue().getId());
            }
        }
        return out;
    }

    private static void writeArray(NDArray array, DataOutputStream out) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }

    /** DJL's optimizer settings (weight decay) without a learning-rate tracker: the training loop sets the rate. */
    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }
}
