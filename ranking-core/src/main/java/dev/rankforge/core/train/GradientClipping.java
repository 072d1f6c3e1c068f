package dev.rankforge.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * Clips gradients by their global L2 norm over all parameters (as {@code torch.nn.utils.clip_grad_norm_}):
 * when the norm exceeds {@code maxNorm}, every gradient is scaled by {@code maxNorm / norm}, in place.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * @param scratch a per-step manager that receives every intermediate array (gradient arithmetic would
     *                otherwise be owned by the parameters' manager and outlive the step)
     * @return the global norm before clipping
     */
    public static double clipByGlobalNorm(Block block, float maxNorm, NDManager scratch) {
        List<NDArray> gradients = new ArrayList<>();
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                NDArray gradient = array.getGradient(); // a new handle on the gradient, owned by the weight's manager
                gradient.attach(scratch);
                gradients.add(gradient);
            }
        }
        double squares = 0;
        for (NDArray gradient : gradients) {
            NDArray sum = gradient.square().sum();
            squares += sum.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
        }
        double norm = Math.sqrt(squares);
        if (maxNorm > 0 && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (NDArray gradient : gradients) {
                gradient.muli(scale);
            }
        }
        return norm;
    }

    /**
     * Sets every gradient of {@code block} to zero, NaN entries included (arithmetic such as {@code g - g} keeps a
     * NaN), for a step that is skipped because its gradients are not finite.
     */
    public static void zero(Block block, NDManager scratch) {
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            NDArray array = parameter.getValue().getArray();
            if (array.hasGradient()) {
                NDArray gradient = array.getGradient();
                gradient.attach(scratch);
                gradient.set(new NDIndex("..."), 0f);
            }
        }
    }
}
