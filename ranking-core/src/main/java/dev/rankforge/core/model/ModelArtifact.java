package dev.rankforge.core.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The single-file model checkpoint format, version 1:
 * <pre>
 *   magic "RFMD" | version (1) | spec JSON length | spec JSON (UTF-8) | DJL block parameters
 * </pre>
 * The spec is enough to rebuild the block before its parameters are loaded.
 */
public final class ModelArtifact {
    private static final int MAGIC = 0x52464d44; // "RFMD"
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelArtifact() {
    }

    public static void write(ModelSpec spec, Block block, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        byte[] specJson = JSON.writeValueAsBytes(spec);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(specJson.length);
        data.write(specJson);
        block.saveParameters(data);
        data.flush();
    }

    /** Reads a checkpoint into a new DJL model; the caller owns (and closes) the result. */
    public static ScoringModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a Rankforge model artifact (bad magic)");
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported model artifact version " + version);
        }
        byte[] specJson = new byte[data.readInt()];
        data.readFully(specJson);
        ModelSpec spec = JSON.readValue(new String(specJson, StandardCharsets.UTF_8), ModelSpec.class);
        Model model = Model.newInstance("rankforge-" + spec.architecture());
        try {
            Block block = Architectures.build(spec);
            block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, spec.maxLength()));
            block.loadParameters(model.getNDManager(), data);
            model.setBlock(block);
            return new ScoringModel(spec, model);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException("corrupt model artifact: " + e.getMessage(), e);
        }
    }
}
